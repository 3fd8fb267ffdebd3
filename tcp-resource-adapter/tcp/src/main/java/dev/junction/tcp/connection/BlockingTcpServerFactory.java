package dev.junction.tcp.connection;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A server with blocking sockets: one task accepts, and each connection has a task of its own that reads it for as
 * long as it lives. Simple and fast for a moderate number of connections, and a natural fit for virtual threads;
 * the executor needs a thread for the acceptor, one for the send timeout's watch (when one is set) plus one per
 * open connection (an unbounded pool, or virtual threads), else connections wait for a thread before they are read.
 */
public final class BlockingTcpServerFactory extends AbstractTcpConnectionFactory implements TcpServerFactory {

    private static final System.Logger LOG = System.getLogger(BlockingTcpServerFactory.class.getName());

    /**
     * @param options  where to listen and how to configure and frame connections
     * @param executor runs the acceptor, one reader per connection and the send timeout's watch
     * @param listener receives every payload, on the connection's reader task
     */
    public BlockingTcpServerFactory(TcpConnectionOptions options, Executor executor, TcpMessageListener listener) {
        super(options, executor, listener);
    }

    @Override
    Closeable startTransport(ConnectionContext context) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            if (options().receiveBufferSize() > 0) {
                // Before bind, so accepted sockets can use a TCP window larger than 64 KB.
                server.setReceiveBufferSize(options().receiveBufferSize());
            }
            server.bind(new InetSocketAddress(options().localAddress().orElse(null), options().port()),
                    options().backlog());
            context.tracker().execute(() -> acceptLoop(server, context), () -> {
            });
            return new Transport(server, SendWatchdog.start(context));
        } catch (IOException | RuntimeException e) {
            SocketConfigurer.closeQuietly(server);
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) ((Transport) requireRunning().transport()).server().getLocalSocketAddress();
    }

    private void acceptLoop(ServerSocket server, ConnectionContext context) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.ERROR, this + " cannot accept connections any more", e);
                }
                return;
            }
            try {
                context.tracker().execute(() -> serve(socket, context), () -> SocketConfigurer.closeQuietly(socket));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.WARNING, "{0} refused a connection from {1}: {2}", this,
                        socket.getRemoteSocketAddress(), e.getMessage());
                SocketConfigurer.closeQuietly(socket);
            }
        }
    }

    // On the connection's own task, so that configuring it (and a host name look-up) never delays accepting.
    private void serve(Socket socket, ConnectionContext context) {
        SocketTcpConnection connection;
        try {
            SocketConfigurer.configure(socket, options());
            connection = new SocketTcpConnection(socket, context);
        } catch (IOException e) {
            LOG.log(Level.WARNING, this + " cannot set up a connection from " + socket.getRemoteSocketAddress(), e);
            SocketConfigurer.closeQuietly(socket);
            return;
        }
        if (connection.activate()) {
            connection.readLoop();
        }
    }

    @Override
    public String toString() {
        return "BlockingTcpServerFactory[" + options().localAddress().map(a -> a.getHostAddress() + ":").orElse("")
                + options().port() + "]";
    }

    /** Stopping closes the listening socket and ends the send timeout's watch. */
    private record Transport(ServerSocket server, Closeable watchdog) implements Closeable {
        @Override
        public void close() throws IOException {
            try {
                server.close();
            } finally {
                watchdog.close();
            }
        }
    }
}
