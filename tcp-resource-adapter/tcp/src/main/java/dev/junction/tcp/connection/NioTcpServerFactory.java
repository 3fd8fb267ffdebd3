package dev.junction.tcp.connection;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A server with non-blocking channels: one task waits on a selector for every connection and delivers what it reads
 * itself, handing the selector over to a second task when a delivery takes longer than
 * {@link TcpConnectionOptions#selectorHandOff()} (with a zero hand-off time, deliveries are short tasks on the
 * executor instead), so a few threads serve many connections. The executor needs three threads: the selector, its
 * watch, and one to set accepted connections up (and to close idle ones); a small fixed pool suits. With
 * {@link TcpConnectionOptions#selectors()} above one, accepted connections are given to the selectors in turn, and
 * each selector needs its two threads. Payloads of one connection are delivered one at a time and in order (see the
 * package documentation).
 */
public final class NioTcpServerFactory extends AbstractTcpConnectionFactory implements TcpServerFactory {

    private static final System.Logger LOG = System.getLogger(NioTcpServerFactory.class.getName());

    /**
     * @param options  where to listen and how to configure and frame connections
     * @param executor runs the selector, its watch and set-up tasks: at least three threads (two with a zero
     *                 {@code selectorHandOff}), two more for each further selector
     * @param listener receives every payload, on the selector's thread or a read task
     * @throws IllegalArgumentException when the executor is a thread pool with fewer threads than that
     */
    public NioTcpServerFactory(TcpConnectionOptions options, Executor executor, TcpMessageListener listener) {
        super(options, executor, listener);
        String shortage = ExecutorThreads.shortage(NioTcpServerFactory.class, options, executor);
        if (shortage != null) {
            throw new IllegalArgumentException(shortage);
        }
    }

    @Override
    Closeable startTransport(ConnectionContext context) throws IOException {
        SelectorLoops loops = SelectorLoops.open(toString(), context.tracker(), options());
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            if (options().receiveBufferSize() > 0) {
                server.setOption(StandardSocketOptions.SO_RCVBUF, options().receiveBufferSize());
            }
            server.bind(new InetSocketAddress(options().localAddress().orElse(null), options().port()),
                    options().backlog());
            server.configureBlocking(false);
            ServerSocketChannel listening = server; // the lambda's own, final copy
            server.register(loops.first().selector(), SelectionKey.OP_ACCEPT,
                    (SelectorLoop.Handler) key -> accept(listening, loops, context));
            loops.start();
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                SocketConfigurer.closeQuietly(server);
            }
            loops.close();
            throw e;
        }
        return new Transport(server, loops);
    }

    @Override
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) ((Transport) requireRunning().transport()).server().getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(this + " is no longer bound", e);
        }
    }

    private void accept(ServerSocketChannel server, SelectorLoops loops, ConnectionContext context)
            throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            SocketChannel accepted = channel;
            SelectorLoop loop = loops.next();
            try {
                // Set up on a task: the selector's thread makes no blocking call (a host name look-up) for anyone.
                context.tracker().execute(() -> open(accepted, loop, context),
                        () -> SocketConfigurer.closeQuietly(accepted));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.WARNING, "{0} refused a connection: {1}", this, e.getMessage());
                SocketConfigurer.closeQuietly(accepted);
            }
        }
    }

    private void open(SocketChannel channel, SelectorLoop loop, ConnectionContext context) {
        ChannelTcpConnection connection;
        try {
            SocketConfigurer.configure(channel.socket(), options());
            channel.configureBlocking(false);
            connection = new ChannelTcpConnection(channel, channel.register(loop.selector(), 0), loop, context);
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(Level.DEBUG, this + " could not set up an accepted connection", e);
            SocketConfigurer.closeQuietly(channel);
            return;
        }
        if (connection.activate()) {
            connection.startReading();
        }
    }

    @Override
    public String toString() {
        return "NioTcpServerFactory[" + options().localAddress().map(a -> a.getHostAddress() + ":").orElse("")
                + options().port() + "]";
    }

    /** Stopping closes the listening channel and ends the selectors' tasks. */
    private record Transport(ServerSocketChannel server, SelectorLoops loops) implements Closeable {
        @Override
        public void close() {
            SocketConfigurer.closeQuietly(server);
            loops.stop();
        }
    }
}
