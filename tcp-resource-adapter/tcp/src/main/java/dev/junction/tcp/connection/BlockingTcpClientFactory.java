package dev.junction.tcp.connection;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Executor;

/**
 * A client with blocking sockets: connecting happens on the caller's thread, and each connection has a task of
 * its own on the executor that reads what the server sends, and one more watches for writes that pass the send
 * timeout, when one is set.
 */
public final class BlockingTcpClientFactory extends AbstractTcpClientFactory {

    /**
     * @param host     the server's host name or address
     * @param options  the server's port (required) and how to configure and frame connections
     * @param executor runs one reader per open connection, and the send timeout's watch
     * @param listener receives every payload the server sends, on the connection's reader task
     * @throws IllegalArgumentException when the options have no port
     */
    public BlockingTcpClientFactory(String host, TcpConnectionOptions options, Executor executor,
                                    TcpMessageListener listener) {
        super(host, options, executor, listener);
    }

    @Override
    Closeable startTransport(ConnectionContext context) {
        // connections read by their callers are non-blocking channels that time their own writes out
        return callerReads() ? () -> {
        } : SendWatchdog.start(context);
    }

    @Override
    AbstractTcpConnection connect(InetSocketAddress address, ConnectionContext context) throws IOException {
        Socket socket = new Socket();
        try {
            SocketConfigurer.configure(socket, options());
            if (options().localAddress().isPresent()) {
                socket.bind(new InetSocketAddress(options().localAddress().get(), 0));
            }
            socket.connect(address, (int) options().connectTimeout().toMillis());
            return new SocketTcpConnection(socket, context);
        } catch (IOException | RuntimeException e) {
            SocketConfigurer.closeQuietly(socket);
            throw e;
        }
    }
}
