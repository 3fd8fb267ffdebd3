package dev.junction.tcp.codec;

import java.nio.ByteBuffer;

/**
 * How messages are framed on a TCP stream: a serializer ({@link #encode}) and, per connection, a deserializer
 * ({@link #newDecoder}). Implementations are immutable and thread-safe; decoders are not, one belongs to one
 * connection. {@link FrameCodecs} has the codecs, with a table of their formats and errors.
 */
public interface FrameCodec {

    /** The largest payload a decoder accepts unless told otherwise: 2048 bytes. */
    int DEFAULT_MAX_MESSAGE_SIZE = 2048;

    /**
     * Frames one payload. The receiver's maximum message size is not applied here: it is the receiver's to
     * enforce, and it may differ from this side's.
     *
     * @param payload the message's bytes
     * @return the bytes to write, a new array: the payload framed (with its terminator, header or markers)
     * @throws FrameException when the payload cannot be framed this way (a terminator inside it, too long for the
     *         length header); its offending length is the payload's
     */
    byte[] encode(byte[] payload);

    /**
     * Frames one payload into a buffer the caller reuses from one frame to the next, so that writing a frame need
     * not allocate one. The default wraps {@link #encode(byte[])}; the codecs of {@link FrameCodecs} write into
     * {@code reusable} whenever it has room.
     *
     * @param payload  the message's bytes
     * @param reusable a heap buffer the caller owns and may pass again next time, or {@code null}
     * @return the frame between position 0 and the limit, in {@code reusable} when it had room, else in a new heap
     *         buffer (which the caller may keep for next time)
     * @throws FrameException as {@link #encode(byte[])} does
     */
    default ByteBuffer encode(byte[] payload, ByteBuffer reusable) {
        return ByteBuffer.wrap(encode(payload));
    }

    /**
     * @param maxMessageSize the largest payload accepted, at least 1; a longer frame is refused before it is
     *                       buffered whole. {@code Integer.MAX_VALUE} means as large as a Java array allows
     *                       (2<sup>31</sup>-17 bytes)
     * @return a decoder for one connection
     * @throws IllegalArgumentException when {@code maxMessageSize} is below 1
     */
    FrameDecoder newDecoder(int maxMessageSize);

    /** @return a decoder for one connection that accepts payloads up to {@link #DEFAULT_MAX_MESSAGE_SIZE} */
    default FrameDecoder newDecoder() {
        return newDecoder(DEFAULT_MAX_MESSAGE_SIZE);
    }
}
