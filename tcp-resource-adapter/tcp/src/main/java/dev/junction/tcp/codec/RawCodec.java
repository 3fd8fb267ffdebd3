package dev.junction.tcp.codec;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * No framing: the one frame of a connection is everything the peer sends before it closes the stream. See
 * {@link FrameCodecs} for the rules.
 */
final class RawCodec implements FrameCodec {

    static final RawCodec INSTANCE = new RawCodec();

    private RawCodec() {
    }

    @Override
    public byte[] encode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        // a copy, so that a caller changing its array while the write is pending cannot change what is sent
        return payload.clone();
    }

    @Override
    public ByteBuffer encode(byte[] payload, ByteBuffer reusable) {
        Objects.requireNonNull(payload, "payload");
        return FrameBuffers.withRoom(reusable, payload.length).put(payload).flip();
    }

    @Override
    public FrameDecoder newDecoder(int maxMessageSize) {
        return new Decoder(maxMessageSize);
    }

    @Override
    public String toString() {
        return "FrameCodecs.raw()";
    }

    /** Keeps everything, up to the maximum, until the end of the stream. */
    private static final class Decoder extends AbstractFrameDecoder {

        Decoder(int maxMessageSize) {
            super(maxMessageSize);
        }

        @Override
        byte[] decodeFrame(ByteBuffer input) {
            int position = input.position();
            int available = input.limit() - position;
            long seen = (long) count + available;
            if (seen > maxMessageSize) {
                throw new FrameException("the stream exceeds the maximum message size of " + maxMessageSize
                        + " bytes before its end (a raw frame ends only when the peer closes the stream): " + seen
                        + " bytes arrived", (int) Math.min(seen, Integer.MAX_VALUE));
            }
            append(input, position, available, maxMessageSize);
            input.position(input.limit());
            return null;
        }

        @Override
        byte[] endOfFrames() {
            // nothing at all is no message: a peer that connects and closes (a probe, a health check) sent nothing
            return count == 0 ? null : payload(count, null, 0, 0);
        }
    }
}
