package dev.junction.tcp.codec;

/**
 * How messages are framed on a TCP stream: a serializer ({@link #encode}) and, per connection, a deserializer
 * ({@link #newDecoder}). Implementations are immutable and thread-safe; decoders are not, one belongs to one
 * connection.
 */
public interface FrameCodec {

    /** The largest frame a decoder accepts unless told otherwise: 2048 bytes. */
    int DEFAULT_MAX_MESSAGE_SIZE = 2048;

    /**
     * @param payload the message's bytes
     * @return the bytes to write: the payload framed (with its terminator, header or markers)
     * @throws FrameException when the payload cannot be framed this way (a terminator inside it, too long for the
     *         length header)
     */
    byte[] encode(byte[] payload);

    /**
     * @param maxMessageSize the largest payload accepted; a longer frame is refused before it is buffered whole
     * @return a decoder for one connection
     */
    FrameDecoder newDecoder(int maxMessageSize);
}
