package dev.junction.tcp.connection;

import java.net.InetSocketAddress;

/**
 * Listens on a port and accepts connections: each accepted connection is published as
 * {@link TcpConnectionEvent.Opened} and its payloads go to the factory's {@link TcpMessageListener}.
 */
public interface TcpServerFactory extends TcpConnectionFactory {

    /**
     * @return the port the server is bound to: the chosen one when {@link TcpConnectionOptions#port()} is 0
     * @throws IllegalStateException when the factory is not running
     */
    default int port() {
        return localAddress().getPort();
    }

    /**
     * @return the address and port the server is bound to
     * @throws IllegalStateException when the factory is not running
     */
    InetSocketAddress localAddress();
}
