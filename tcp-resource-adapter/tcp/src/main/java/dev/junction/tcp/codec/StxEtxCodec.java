package dev.junction.tcp.codec;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Frames between an STX byte (0x02) and an ETX byte (0x03). See {@link FrameCodecs} for the rules.
 */
final class StxEtxCodec implements FrameCodec {

    static final byte STX = 0x02;
    static final byte ETX = 0x03;

    static final StxEtxCodec INSTANCE = new StxEtxCodec();

    private StxEtxCodec() {
    }

    @Override
    public byte[] encode(byte[] payload) {
        byte[] frame = new byte[checked(payload).length + 2];
        frame(payload, frame);
        return frame;
    }

    @Override
    public ByteBuffer encode(byte[] payload, ByteBuffer reusable) {
        int length = checked(payload).length + 2;
        ByteBuffer target = FrameBuffers.withRoom(reusable, length);
        frame(payload, target.array());
        return target.limit(length);
    }

    private static byte[] checked(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        for (int i = 0; i < payload.length; i++) {
            // an STX inside the payload is harmless (only the first byte of a frame is read as one); an ETX is not
            if (payload[i] == ETX) {
                throw new FrameException("the payload contains ETX (0x03) at index " + i + ", so it cannot be framed "
                        + "by STX/ETX; a length header frames payloads that may hold any byte", payload.length);
            }
        }
        return payload;
    }

    private static void frame(byte[] payload, byte[] frame) {
        frame[0] = STX;
        System.arraycopy(payload, 0, frame, 1, payload.length);
        frame[payload.length + 1] = ETX;
    }

    @Override
    public FrameDecoder newDecoder(int maxMessageSize) {
        return new Decoder(maxMessageSize);
    }

    @Override
    public String toString() {
        return "FrameCodecs.stxEtx()";
    }

    /** Checks the STX, then scans for ETX like a one-byte terminator; keeps only payload bytes. */
    private static final class Decoder extends AbstractFrameDecoder {

        /** Whether the STX of the current frame was read. */
        private boolean inFrame;

        Decoder(int maxMessageSize) {
            super(maxMessageSize);
        }

        @Override
        byte[] decodeFrame(ByteBuffer input) {
            int start = input.position();
            int limit = input.limit();
            if (!inFrame) {
                if (start == limit) {
                    return null;
                }
                byte first = input.get(start);
                if (first != STX) {
                    throw new FrameException(String.format("data before STX: a frame must start with STX (0x02), "
                            + "the first byte was 0x%02x", first & 0xff), 1);
                }
                inFrame = true;
                start++;
            }
            // no ETX can end a payload of at most max bytes past this index: never scan or keep more
            int end = (int) Math.min(limit, (long) start + maxMessageSize + 1 - count);
            for (int i = start; i < end; i++) {
                if (input.get(i) == ETX) {
                    byte[] payload = payload(count, input, start, i - start);
                    input.position(i + 1);
                    reset();
                    return payload;
                }
            }
            int seen = count + (end - start);
            if (seen > maxMessageSize) {
                throw new FrameException("no ETX (0x03) within " + seen + " bytes after STX: the frame exceeds the "
                        + "maximum message size of " + maxMessageSize + " bytes", seen + 1);
            }
            append(input, start, end - start, maxMessageSize);
            input.position(end);
            return null;
        }

        @Override
        byte[] endOfFrames() {
            if (!inFrame) {
                return null;
            }
            throw new FrameException("the stream ended inside a frame: STX and " + count + " payload bytes arrived "
                    + "without ETX (0x03)", count + 1);
        }

        @Override
        void reset() {
            super.reset();
            inFrame = false;
        }
    }
}
