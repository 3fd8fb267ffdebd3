package dev.junction.tcp.codec;

import dev.junction.api.error.MessagingException;

/**
 * Bytes that are not a valid frame, or a frame larger than allowed. The connection that received them cannot be
 * read further and is closed; every other connection goes on.
 */
public class FrameException extends MessagingException {

    private static final long serialVersionUID = 1L;

    private final int offendingLength;

    /**
     * @param description     what is wrong and, where it helps, what to change
     * @param offendingLength how many bytes of the bad frame were seen
     */
    public FrameException(String description, int offendingLength) {
        super(description);
        this.offendingLength = offendingLength;
    }

    /** @return how many bytes of the bad frame were seen (for connection events and logs) */
    public int getOffendingLength() {
        return offendingLength;
    }
}
