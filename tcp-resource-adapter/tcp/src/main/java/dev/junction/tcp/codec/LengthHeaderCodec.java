package dev.junction.tcp.codec;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Frames preceded by their length in 1, 2 or 4 big-endian bytes (unsigned for 1 and 2, a non-negative signed int
 * for 4), optionally inclusive of the header itself. See {@link FrameCodecs} for the rules.
 */
final class LengthHeaderCodec implements FrameCodec {

    private final int headerBytes;
    private final boolean inclusive;
    /** The largest value the header can hold. */
    private final long maxHeaderValue;

    LengthHeaderCodec(int headerBytes, boolean inclusive) {
        if (headerBytes != 1 && headerBytes != 2 && headerBytes != 4) {
            throw new IllegalArgumentException("a length header has 1, 2 or 4 bytes, not " + headerBytes);
        }
        this.headerBytes = headerBytes;
        this.inclusive = inclusive;
        this.maxHeaderValue = headerBytes == 4 ? Integer.MAX_VALUE : (1L << (8 * headerBytes)) - 1;
    }

    @Override
    public byte[] encode(byte[] payload) {
        byte[] frame = new byte[headerBytes + checked(payload).length];
        frame(payload, frame);
        return frame;
    }

    @Override
    public ByteBuffer encode(byte[] payload, ByteBuffer reusable) {
        int length = headerBytes + checked(payload).length;
        ByteBuffer target = FrameBuffers.withRoom(reusable, length);
        frame(payload, target.array());
        return target.limit(length);
    }

    /** @return the payload, when its length fits the header */
    private byte[] checked(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if ((long) payload.length + (inclusive ? headerBytes : 0) > maxHeaderValue) {
            throw new FrameException("a " + payload.length + "-byte payload is too long for " + this + ", which "
                    + "frames at most " + (maxHeaderValue - (inclusive ? headerBytes : 0)) + " bytes; choose a "
                    + "larger header", payload.length);
        }
        return payload;
    }

    private void frame(byte[] payload, byte[] frame) {
        long value = (long) payload.length + (inclusive ? headerBytes : 0);
        for (int i = 0; i < headerBytes; i++) {
            frame[i] = (byte) (value >>> (8 * (headerBytes - 1 - i)));
        }
        System.arraycopy(payload, 0, frame, headerBytes, payload.length);
    }

    @Override
    public FrameDecoder newDecoder(int maxMessageSize) {
        return new Decoder(maxMessageSize);
    }

    @Override
    public String toString() {
        return "FrameCodecs.lengthHeader(" + headerBytes + (inclusive ? ", true)" : ")");
    }

    /**
     * Reads the header (possibly split across reads) into an int, checks it, then copies the payload in bulk:
     * straight into the payload array when the rest of the frame is in the input, else into the accumulation
     * buffer, which grows with what actually arrives rather than with what the header announces.
     */
    private final class Decoder extends AbstractFrameDecoder {

        /** How many header bytes were read; {@code headerBytes} once the payload length is known. */
        private int headerRead;
        /** The header's value so far, big-endian. */
        private long headerValue;
        /** The current frame's payload length, once its header was read and checked. */
        private int payloadLength;

        Decoder(int maxMessageSize) {
            super(maxMessageSize);
        }

        @Override
        byte[] decodeFrame(ByteBuffer input) {
            int position = input.position();
            int limit = input.limit();
            if (headerRead < headerBytes) {
                // at most four bytes: a loop of in-memory reads is cheaper than anything bulk here
                while (headerRead < headerBytes && position < limit) {
                    headerValue = headerValue << 8 | (input.get(position++) & 0xff);
                    headerRead++;
                }
                if (headerRead < headerBytes) {
                    input.position(position);
                    return null;
                }
                payloadLength = checkedPayloadLength();
            }
            int missing = payloadLength - count;
            int available = limit - position;
            if (available >= missing) {
                byte[] payload = payload(count, input, position, missing);
                input.position(position + missing);
                reset();
                return payload;
            }
            append(input, position, available, payloadLength);
            input.position(limit);
            return null;
        }

        private int checkedPayloadLength() {
            // only a 4-byte header is signed: 1 and 2 bytes were read unsigned, so their values are never negative
            long value = headerBytes == 4 ? (int) headerValue : headerValue;
            if (value < 0) {
                throw new FrameException("the length header holds " + value + ", a negative length (a 4-byte "
                        + "header frames 0 to " + Integer.MAX_VALUE + " bytes)", headerBytes);
            }
            if (inclusive && value < headerBytes) {
                throw new FrameException("the length header holds " + value + ", an impossible length for an "
                        + "inclusive header, which counts its own " + headerBytes + " byte(s): the least valid "
                        + "value is " + headerBytes, headerBytes);
            }
            long length = inclusive ? value - headerBytes : value;
            if (length > maxMessageSize) {
                throw new FrameException("the length header announces a " + length + "-byte payload, more than the "
                        + "maximum message size of " + maxMessageSize + " bytes", (int) length);
            }
            return (int) length;
        }

        @Override
        byte[] endOfFrames() {
            if (headerRead == 0) {
                return null;
            }
            if (headerRead < headerBytes) {
                throw new FrameException("the stream ended inside a length header: " + headerRead + " of its "
                        + headerBytes + " bytes arrived", headerRead);
            }
            throw new FrameException("the stream ended inside a frame: " + count + " of the " + payloadLength
                    + " payload bytes announced by its length header arrived", headerBytes + count);
        }

        @Override
        void reset() {
            super.reset();
            headerRead = 0;
            headerValue = 0;
            payloadLength = 0;
        }

        @Override
        int buffered() {
            return count + (headerRead < headerBytes ? headerRead : 0);
        }

        @Override
        public String toString() {
            return LengthHeaderCodec.this + " decoder";
        }
    }
}
