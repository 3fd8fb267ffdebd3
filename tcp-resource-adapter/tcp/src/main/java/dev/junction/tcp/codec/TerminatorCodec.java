package dev.junction.tcp.codec;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Frames that end with a terminator sequence (CRLF, LF or one chosen byte): the payload is everything before the
 * first occurrence of the terminator. See {@link FrameCodecs} for the rules.
 */
final class TerminatorCodec implements FrameCodec {

    private final byte[] terminator;
    private final String description;
    private final String factory;

    /**
     * @param terminator  one or more bytes; the decoder matches any sequence, the factories offer one or two bytes
     * @param description how messages name it, e.g. {@code "CRLF (0x0d 0x0a)"}
     * @param factory     the factory call that made it, for {@link #toString()}
     */
    TerminatorCodec(byte[] terminator, String description, String factory) {
        if (terminator.length == 0) {
            throw new IllegalArgumentException("a terminator needs at least one byte");
        }
        this.terminator = terminator.clone();
        this.description = description;
        this.factory = factory;
    }

    @Override
    public byte[] encode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        byte[] frame = new byte[payload.length + terminator.length];
        frame(payload, frame);
        return frame;
    }

    @Override
    public ByteBuffer encode(byte[] payload, ByteBuffer reusable) {
        Objects.requireNonNull(payload, "payload");
        int length = payload.length + terminator.length;
        ByteBuffer target = FrameBuffers.withRoom(reusable, length);
        frame(payload, target.array());
        return target.limit(length);
    }

    /** Writes the payload and its terminator at the start of {@code frame}, which has room for both. */
    private void frame(byte[] payload, byte[] frame) {
        System.arraycopy(payload, 0, frame, 0, payload.length);
        System.arraycopy(terminator, 0, frame, payload.length, terminator.length);
        // The frame is decodable exactly when the terminator first occurs at its end. Searching the whole frame,
        // not just the payload, also catches a payload whose tail starts the terminator in a way that would
        // complete early (impossible for CRLF and single bytes, but true of any self-overlapping sequence).
        int first = indexOf(frame, payload.length + terminator.length, terminator);
        if (first < payload.length) {
            throw new FrameException("the payload contains the " + description + " terminator at index " + first
                    + ", so it cannot be framed by it; a length header frames payloads that may hold any byte",
                    payload.length);
        }
    }

    @Override
    public FrameDecoder newDecoder(int maxMessageSize) {
        return new Decoder(maxMessageSize);
    }

    @Override
    public String toString() {
        return factory;
    }

    /** @return the first index of {@code sequence} in the first {@code length} bytes of {@code data}, or -1 */
    private static int indexOf(byte[] data, int length, byte[] sequence) {
        // Every frame is checked before it is written: scan for the first byte alone, a loop the compiler keeps
        // tight, and compare the rest only where it matches.
        byte first = sequence[0];
        for (int i = 0, last = length - sequence.length; i <= last; i++) {
            if (data[i] == first && startsAt(data, i, sequence)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsAt(byte[] data, int index, byte[] sequence) {
        for (int j = 1; j < sequence.length; j++) {
            if (data[index + j] != sequence[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans the input in place for the terminator and copies in bulk only what belongs to the current frame. The
     * accumulation buffer keeps the payload seen so far plus, at its end, the bytes that may be the beginning of a
     * terminator split across reads (at most {@code terminator.length - 1} bytes).
     */
    private final class Decoder extends AbstractFrameDecoder {

        /** The most bytes kept: a full-size payload followed by all but the last byte of the terminator. */
        private final int ceiling;

        Decoder(int maxMessageSize) {
            super(maxMessageSize);
            this.ceiling = this.maxMessageSize + terminator.length - 1;
        }

        @Override
        byte[] decodeFrame(ByteBuffer input) {
            int start = input.position();
            int limit = input.limit();
            int last = terminator.length - 1;
            byte lastByte = terminator[last];
            // Past this index a terminator could only end a payload longer than the maximum: never scan further,
            // so that a peer streaming without terminators costs at most max bytes of scanning and keeping.
            int end = (int) Math.min(limit, (long) start + ceiling + 1 - count);
            for (int i = start; i < end; i++) {
                if (input.get(i) == lastByte && endsWithTerminator(input, start, i)) {
                    int payloadLength = count + (i - start + 1) - terminator.length;
                    int fromAccumulated = Math.min(count, payloadLength);
                    byte[] payload = payload(fromAccumulated, input, start, payloadLength - fromAccumulated);
                    input.position(i + 1);
                    count = 0;
                    return payload;
                }
            }
            int seen = count + (end - start);
            // a payload already known to be longer than the maximum: the pending bytes cannot end it in time
            if (seen - pendingTerminatorPrefix(input, start, end) > maxMessageSize) {
                throw new FrameException("no " + description + " terminator within " + seen + " bytes: the frame "
                        + "exceeds the maximum message size of " + maxMessageSize + " bytes", seen);
            }
            append(input, start, end - start, ceiling);
            input.position(end);
            return null;
        }

        @Override
        byte[] endOfFrames() {
            if (count == 0) {
                return null;
            }
            throw new FrameException("the stream ended inside a frame: " + count + " bytes arrived without the "
                    + description + " terminator", count);
        }

        /** Whether the terminator ends at the absolute input index {@code end}, counting kept bytes before it. */
        private boolean endsWithTerminator(ByteBuffer input, int start, int end) {
            for (int j = 1; j < terminator.length; j++) {
                int index = end - j;
                byte expected = terminator[terminator.length - 1 - j];
                if (index >= start) {
                    if (input.get(index) != expected) {
                        return false;
                    }
                } else {
                    int kept = count - (start - index);
                    if (kept < 0 || accumulatedAt(kept) != expected) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * @return the length of the longest proper prefix of the terminator that ends the bytes seen so far (kept
         *         bytes then input up to {@code end}): those bytes may still turn out to be the terminator
         */
        private int pendingTerminatorPrefix(ByteBuffer input, int start, int end) {
            int seen = count + (end - start);
            for (int length = Math.min(terminator.length - 1, seen); length > 0; length--) {
                if (endsWith(input, start, end, length)) {
                    return length;
                }
            }
            return 0;
        }

        private boolean endsWith(ByteBuffer input, int start, int end, int prefixLength) {
            for (int j = 0; j < prefixLength; j++) {
                int index = end - prefixLength + j;
                byte actual = index >= start ? input.get(index) : accumulatedAt(count - (start - index));
                if (actual != terminator[j]) {
                    return false;
                }
            }
            return true;
        }
    }
}
