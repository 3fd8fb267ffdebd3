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
}
