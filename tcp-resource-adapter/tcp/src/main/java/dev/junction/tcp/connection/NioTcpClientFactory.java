package dev.junction.tcp.connection;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A client with non-blocking channels: connecting happens on the caller's thread (waiting at most the connect
 * timeout), then one selector task watches every connection and delivers what it reads, in order per connection,
 * as {@link NioTcpServerFactory} does. The executor needs a thread for the selector, one for its watch, and one for
 * the tasks that close idle connections; two more for each further selector ({@link TcpConnectionOptions#selectors()},
 * which new connections are given to in turn). Connections read by their callers need none of these: each caller
 * waits on a selector of its connection's own.
 */
public final class NioTcpClientFactory extends AbstractTcpClientFactory {

    /**
     * @param host     the server's host name or address
     * @param options  the server's port (required) and how to configure and frame connections
     * @param executor runs the selector, its watch and other short tasks: at least three threads (two with a zero
     *                 {@code selectorHandOff}), two more for each further selector
     * @param listener receives every payload the server sends, on a read task
     * @throws IllegalArgumentException when the options have no port
     */
    public NioTcpClientFactory(String host, TcpConnectionOptions options, Executor executor,
                               TcpMessageListener listener) {
        super(host, options, executor, listener);
    }

    @Override
    Closeable startTransport(ConnectionContext context) throws IOException {
        if (callerReads()) {
            return () -> {
            }; // each connection has its caller wait on a selector of its own: nothing to watch them all
        }
        String shortage = ExecutorThreads.shortage(NioTcpClientFactory.class, options(), executor());
        if (shortage != null) {
            throw new RejectedExecutionException(shortage); // start() reports it as the reason it cannot start
        }
        SelectorLoops loops = SelectorLoops.open(toString(), context.tracker(), options());
        try {
            loops.start();
        } catch (RuntimeException e) {
            loops.close();
            throw e;
        }
        return new Transport(loops);
    }

    @Override
    AbstractTcpConnection connect(InetSocketAddress address, ConnectionContext context) throws IOException {
        SelectorLoop loop = ((Transport) requireRunning().transport()).loops().next();
        SocketChannel channel = SocketChannel.open();
        try {
            SocketConfigurer.configure(channel.socket(), options());
            if (options().localAddress().isPresent()) {
                channel.bind(new InetSocketAddress(options().localAddress().get(), 0));
            }
            // Blocking while connecting: the simplest way to honour the connect timeout.
            channel.socket().connect(address, (int) options().connectTimeout().toMillis());
            channel.configureBlocking(false);
            return new ChannelTcpConnection(channel, channel.register(loop.selector(), 0), loop, context);
        } catch (ClosedSelectorException e) {
            SocketConfigurer.closeQuietly(channel);
            throw new IOException(this + " stopped while connecting", e);
        } catch (IOException | RuntimeException e) {
            SocketConfigurer.closeQuietly(channel);
            throw e;
        }
    }

    /** Stopping ends the selectors' tasks. */
    private record Transport(SelectorLoops loops) implements Closeable {
        @Override
        public void close() {
            loops.stop();
        }
    }
}
