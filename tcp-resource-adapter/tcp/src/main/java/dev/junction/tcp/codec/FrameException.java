package dev.junction.tcp.codec;

import dev.junction.api.error.MessagingException;

/**
 * Bytes that are not a valid frame, a frame larger than allowed, or a payload that the codec cannot frame. The
 * connection that received such bytes cannot be read further and is closed; every other connection goes on.
 */
public class FrameException extends MessagingException {

    private static final long serialVersionUID = 1L;

    /** The bad frame's length as far as it is known; see {@link #getOffendingLength()}. */
    private final int offendingLength;

    /**
     * @param description     what is wrong and, where it helps, what to change
     * @param offendingLength the bad frame's length as far as it is known: the payload length a header announced,
     *                        else how many bytes of the frame were seen (the payload's length when encoding)
     */
    public FrameException(String description, int offendingLength) {
        super(description);
        this.offendingLength = offendingLength;
    }

    /**
     * @return the bad frame's length as far as it is known: the payload length its header announced, else how many
     *         bytes of it were seen (the payload's length when encoding); for connection events and logs
     */
    public int getOffendingLength() {
        return offendingLength;
    }
}
