package dev.junction.tcp.connection;

/**
 * Connects to one server ({@link #host()}, {@link TcpConnectionOptions#port()}). Replies and other payloads the
 * server sends go to the factory's {@link TcpMessageListener}.
 */
public interface TcpClientFactory extends TcpConnectionFactory {

    /**
     * @return a connected connection: when {@link TcpConnectionOptions#singleUse()}, a new one on each call, for
     *         the caller to close; otherwise one connection shared by every caller, established again when it broke
     * @throws dev.junction.api.error.MessagingException when the connection cannot be established (naming
     *         host:port and the cause) or none is free in time
     * @throws IllegalStateException when the factory is not running
     */
    TcpConnection getConnection();

    /** @return the server's host name or address */
    String host();

    /**
     * Has the connections this factory opens from now on read by whoever uses them, on their own thread, instead of
     * by a task of the factory that hands each payload to the listener: they are {@link CallerReadConnection}s. A
     * request and reply client then reads its reply itself, and no thread hands it over to another. Nobody reads
     * such a connection between exchanges: what the server sends meanwhile reaches the listener, and a connection
     * the server closed is found closed, only when the next user {@linkplain CallerReadConnection#prepareExchange()
     * prepares} it. For clients that never await a message they did not ask for.
     *
     * @return whether the factory reads that way from now on; false when it cannot (by default)
     * @throws IllegalStateException when the factory is running: call it before {@link #start()}
     */
    default boolean enableCallerReads() {
        return false;
    }
}
