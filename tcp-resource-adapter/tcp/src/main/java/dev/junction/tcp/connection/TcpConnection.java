package dev.junction.tcp.connection;

import java.net.InetSocketAddress;

/**
 * One open TCP connection, server or client side. Payloads it receives go, in the order they arrived, to the
 * {@link TcpMessageListener} of the factory that made it; what happens to it goes to that factory's
 * {@link TcpConnectionEventListener}s.
 *
 * <p>Thread-safe: {@link #send} may be called from any thread; frames from concurrent calls are written whole, one
 * after the other, never interleaved.
 */
public interface TcpConnection extends AutoCloseable {

    /**
     * @return this connection's id, unique within the JVM: {@code host:port:localPort:uuid}, where host and port are
     *         the peer's (the host numeric unless {@link TcpConnectionOptions#lookupHost()}), localPort this side's
     *         port and uuid a random UUID, e.g. {@code 127.0.0.1:53012:4242:0f5c...}
     */
    String id();

    /**
     * Frames the payload with the factory's codec and writes it; returns once it is handed to the operating system.
     *
     * @throws dev.junction.tcp.codec.FrameException when the codec cannot frame the payload (the connection is
     *         unaffected)
     * @throws dev.junction.api.error.MessagingException when the connection is closed or the write fails (the
     *         connection is then closed)
     */
    void send(byte[] payload);

    /**
     * Shuts this side's output down after what was sent, as a raw stream's last frame needs: the peer reads the end
     * of the stream, and this side can still read the reply. Nothing can be sent afterwards; a connection from a
     * {@link CachingTcpClientFactory} is then closed when given back instead of being lent again.
     *
     * @throws dev.junction.api.error.MessagingException when the connection is closed or the socket refuses
     */
    void shutdownOutput();

    /**
     * Closes the connection; does nothing when already closed. A connection from a
     * {@link CachingTcpClientFactory} is returned to its pool instead.
     */
    @Override
    void close();

    /** @return whether the connection can still send and receive */
    boolean isOpen();

    /** @return the peer's host: its numeric address, or its name when {@link TcpConnectionOptions#lookupHost()} */
    String remoteHost();

    /** @return the peer's address and port */
    InetSocketAddress remoteAddress();

    /** @return this side's address and port */
    InetSocketAddress localAddress();
}
