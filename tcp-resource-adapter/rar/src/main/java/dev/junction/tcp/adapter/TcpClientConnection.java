package dev.junction.tcp.adapter;

/**
 * A handle on one TCP connection, lent by a {@link TcpClientConnectionFactory} until {@link #close()}. Messages are
 * framed with the connection definition's serializer. One exchange at a time: a handle is meant for one thread.
 */
public interface TcpClientConnection extends AutoCloseable {

    /**
     * Sends a message and waits for the next one the server sends back, up to the connection definition's reply
     * timeout.
     *
     * @return the reply's payload, without its framing
     * @throws dev.junction.api.error.MessageTimeoutException when no reply came in time; the connection is then
     *         given up, since a late reply would be taken for the next request's
     * @throws dev.junction.api.error.MessagingException when the connection is closed or fails (it is then given
     *         up), or the handle is closed
     */
    byte[] sendAndReceive(byte[] request);

    /**
     * Sends a message and returns once it is handed to the operating system.
     *
     * @throws dev.junction.api.error.MessagingException as {@link #sendAndReceive(byte[])} does
     */
    void send(byte[] payload);

    /** Gives the connection back: to the server's pool, or closed in Java SE. Does nothing when closed. */
    @Override
    void close();
}
