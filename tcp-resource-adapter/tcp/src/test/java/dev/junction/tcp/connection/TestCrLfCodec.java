package dev.junction.tcp.connection;

import dev.junction.tcp.codec.FrameCodec;
import dev.junction.tcp.codec.FrameDecoder;
import dev.junction.tcp.codec.FrameException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A minimal CR LF codec for these tests only, so they do not depend on the module's own codecs: a frame is the
 * payload followed by CR LF; a frame longer than the maximum, or cut short by the end of the stream, is refused.
 */
final class TestCrLfCodec implements FrameCodec {

    @Override
    public byte[] encode(byte[] payload) {
        byte[] frame = Arrays.copyOf(payload, payload.length + 2);
        frame[payload.length] = '\r';
        frame[payload.length + 1] = '\n';
        return frame;
    }

    @Override
    public FrameDecoder newDecoder(int maxMessageSize) {
        return new Decoder(maxMessageSize);
    }

    private static final class Decoder implements FrameDecoder {
        private final int max;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean sawCr;

        Decoder(int max) {
            this.max = max;
        }

        @Override
        public byte[] decode(ByteBuffer input) {
            while (input.hasRemaining()) {
                byte b = input.get();
                if (sawCr && b == '\n') {
                    sawCr = false;
                    byte[] payload = pending.toByteArray();
                    pending.reset();
                    return payload;
                }
                if (sawCr) {
                    append('\r');
                }
                sawCr = b == '\r';
                if (!sawCr) {
                    append(b);
                }
            }
            return null;
        }

        private void append(int b) {
            pending.write(b);
            if (pending.size() > max) {
                int seen = pending.size();
                pending.reset();
                throw new FrameException("Frame longer than " + max + " bytes", seen);
            }
        }

        @Override
        public byte[] endOfStream() {
            int seen = pending.size() + (sawCr ? 1 : 0);
            if (seen > 0) {
                throw new FrameException("The stream ended inside a frame", seen);
            }
            return null;
        }
    }
}
