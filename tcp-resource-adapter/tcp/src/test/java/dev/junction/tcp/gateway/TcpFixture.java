package dev.junction.tcp.gateway;

import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodec;
import dev.junction.tcp.connection.BlockingTcpClientFactory;
import dev.junction.tcp.connection.BlockingTcpServerFactory;
import dev.junction.tcp.connection.NioTcpClientFactory;
import dev.junction.tcp.connection.NioTcpServerFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpMessageListener;
import dev.junction.tcp.connection.TcpServerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the gateway tests share: runtimes, factories on 127.0.0.1 only (servers on ephemeral ports), and one
 * executor, all released by {@link #close()} in the right order (runtimes and factories before the executor).
 */
final class TcpFixture implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    /** The two kinds of factory every behaviour is checked with. */
    enum Kind {
        BLOCKING, NIO;

        TcpServerFactory server(TcpConnectionOptions options, java.util.concurrent.Executor executor,
                                TcpMessageListener listener) {
            return this == BLOCKING ? new BlockingTcpServerFactory(options, executor, listener)
                    : new NioTcpServerFactory(options, executor, listener);
        }

        TcpClientFactory client(TcpConnectionOptions options, java.util.concurrent.Executor executor,
                                TcpMessageListener listener) {
            return this == BLOCKING ? new BlockingTcpClientFactory(LOOPBACK, options, executor, listener)
                    : new NioTcpClientFactory(LOOPBACK, options, executor, listener);
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Junction> junctions = new CopyOnWriteArrayList<>();
    private final List<TcpConnectionFactory> factories = new CopyOnWriteArrayList<>();

    ExecutorService executor() {
        return executor;
    }

    /** @return a new runtime, closed with the fixture */
    Junction junction() {
        Junction junction = Junction.create();
        junctions.add(junction);
        return junction;
    }

    /** @return options of a server on an ephemeral port of 127.0.0.1 */
    static TcpConnectionOptions.Builder serverOptions(FrameCodec codec) {
        return TcpConnectionOptions.builder(codec).localAddress(loopback());
    }

    /** @return options of a client of 127.0.0.1:port, leaving from 127.0.0.1 */
    static TcpConnectionOptions.Builder clientOptions(FrameCodec codec, int port) {
        return TcpConnectionOptions.builder(codec).localAddress(loopback()).port(port);
    }

    Function<TcpMessageListener, TcpServerFactory> server(Kind kind, TcpConnectionOptions options) {
        return listener -> kind.server(options, executor, listener);
    }

    Function<TcpMessageListener, TcpClientFactory> client(Kind kind, TcpConnectionOptions options) {
        return listener -> kind.client(options, executor, listener);
    }

    /** @return a started server that calls the listener, stopped with the fixture */
    TcpServerFactory startServer(Kind kind, TcpConnectionOptions options, TcpMessageListener listener) {
        TcpServerFactory server = kind.server(options, executor, listener);
        factories.add(server);
        server.start();
        return server;
    }

    /** @return a started server that writes every payload back, stopped with the fixture */
    TcpServerFactory startEchoServer(Kind kind, FrameCodec codec) {
        return startServer(kind, serverOptions(codec).build(), (connection, payload) -> connection.send(payload));
    }

    /** @return a factory made here, stopped with the fixture */
    <F extends TcpConnectionFactory> F tracked(F factory) {
        factories.add(factory);
        return factory;
    }

    static int port(TcpInboundEndpoint endpoint) {
        return ((TcpServerFactory) endpoint.connectionFactory()).port();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(Object payload) {
        return payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) payload;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() throws InterruptedException {
        junctions.forEach(Junction::close);
        factories.forEach(TcpConnectionFactory::stop);
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
