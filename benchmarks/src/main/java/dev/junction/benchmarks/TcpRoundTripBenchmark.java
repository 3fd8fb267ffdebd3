package dev.junction.benchmarks;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.BlockingTcpClientFactory;
import dev.junction.tcp.connection.BlockingTcpServerFactory;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.NioTcpClientFactory;
import dev.junction.tcp.connection.NioTcpServerFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpMessageListener;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.Tcp;
import dev.junction.tcp.gateway.TcpInboundGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.ip.tcp.TcpOutboundGateway;
import org.springframework.integration.ip.tcp.connection.AbstractClientConnectionFactory;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpNetClientConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpNetServerConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpNioClientConnectionFactory;
import org.springframework.integration.ip.tcp.connection.TcpNioServerConnectionFactory;
import org.springframework.integration.ip.tcp.serializer.ByteArrayCrLfSerializer;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * One request-reply round trip over TCP on 127.0.0.1: a client sends a 16-byte text framed by CRLF to an echo
 * server and waits for the reply, the same text framed the same way. The score is completed round trips per second.
 *
 * <ul>
 *   <li>{@link #junctionBlocking}: a Junction gateway proxy whose flow ends in Junction's TCP outbound gateway on a
 *       {@link BlockingTcpClientFactory} (one shared connection), to a Junction TCP inbound gateway on a
 *       {@link BlockingTcpServerFactory} whose request flow is an identity transformer.</li>
 *   <li>{@link #junctionPooled}: the same server; one client runtime shared by every benchmark thread, its
 *       outbound gateway borrowing connections from a {@link CachingTcpClientFactory} of single-use blocking
 *       connections: {@code -t 4} is four threads sharing one pool.</li>
 *   <li>{@link #junctionNio}: the same with {@link NioTcpClientFactory} and {@link NioTcpServerFactory}.</li>
 *   <li>{@link #junctionNioSelectorPerCore}: the same, the server with one selector per core rather than one
 *       ({@link TcpConnectionOptions#selectors()}): with several clients the flows of their connections run on more
 *       than one core.</li>
 *   <li>{@link #junctionClientRawServer}: the client of {@link #junctionBlocking} against the server of
 *       {@link #rawSocket}: the Junction rows above have Junction at both ends, the raw floor has no framework at
 *       either; this one has it at the client only, which tells how the difference splits between the two ends.</li>
 *   <li>{@link #springNet}: Spring Integration's {@code MessagingTemplate.sendAndReceive} to a direct channel
 *       subscribed by its {@link TcpOutboundGateway} on a {@link TcpNetClientConnectionFactory}, to its
 *       {@code TcpInboundGateway} on a {@link TcpNetServerConnectionFactory} whose request channel is a direct
 *       channel with a handler sending the request's payload back to its reply channel. Both sides are started by
 *       hand, without an application context (the outbound gateway gets a bare bean factory).</li>
 *   <li>{@link #springNio}: the same with {@link TcpNioClientConnectionFactory} and
 *       {@link TcpNioServerConnectionFactory}.</li>
 *   <li>{@link #rawSocket}: the floor: a plain {@link Socket} writing the frame and reading up to the LF, against
 *       a {@link ServerSocket} whose thread per connection writes back every byte it reads. No framework.</li>
 *   <li>{@link #rawSocketReaderThread}: the floor of any client that reads its connection on a thread of its own
 *       (as every TCP gateway does, so that a server push or a closed connection is seen while nobody waits): the
 *       same raw socket, but a reader thread per connection reads each reply and completes the waiting caller's
 *       {@link CompletableFuture}. The difference from {@link #rawSocket} is the cost of that one hand-off.</li>
 * </ul>
 *
 * <p>Every socket sets {@code TCP_NODELAY}. The server of each framework is shared by all threads
 * ({@code Scope.Benchmark}); each client is per thread ({@code Scope.Thread}) with its own connection, so
 * {@code -t 4} measures four clients, each on its own connection, against one server. Each client set-up makes one
 * round trip and checks the reply before any measurement.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TcpRoundTripBenchmark {

    /** 16 bytes of text; 18 on the wire with its CRLF. */
    static final String PAYLOAD = "0123456789abcdef";
    static final byte[] FRAME = (PAYLOAD + "\r\n").getBytes(StandardCharsets.US_ASCII);
    static final String LOOPBACK = "127.0.0.1";

    static InetAddress loopback() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static String checked(String reply, String framework) {
        if (!PAYLOAD.equals(reply)) {
            throw new IllegalStateException(framework + " echoed " + reply + " instead of " + PAYLOAD);
        }
        return reply;
    }

    /** The Junction client's gateway interface. */
    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyTimeout = 10_000)
    public interface Echo {
        String echo(String request);
    }

    // ---------------------------------------------------------------------------------------------- Junction

    /** A Junction runtime with an inbound gateway on a server factory, echoing every request. */
    abstract static class JunctionServer {
        final ExecutorService executor = Executors.newCachedThreadPool();
        Junction junction;
        int port;

        abstract TcpConnectionFactory factory(TcpConnectionOptions options, TcpMessageListener listener);

        /** @return how many selectors an NIO server runs */
        int selectors() {
            return TcpConnectionOptions.DEFAULT_SELECTORS;
        }

        @Setup(Level.Trial)
        public void setUp() {
            TcpConnectionOptions options = TcpConnectionOptions.builder(FrameCodecs.crlf())
                    .localAddress(loopback()).tcpNoDelay(true).selectors(selectors()).build();
            junction = Junction.create();
            junction.flow("echo").transform((String request) -> request);
            TcpInboundGateway gateway = Tcp.inboundGateway(junction, listener -> factory(options, listener))
                    .requestChannel("echo").payloadAsString().register();
            junction.start();
            port = ((TcpServerFactory) gateway.connectionFactory()).port();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            junction.close();
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** {@link JunctionServer} on a {@link BlockingTcpServerFactory}. */
    @State(Scope.Benchmark)
    public static class JunctionBlockingServer extends JunctionServer {
        @Override
        TcpConnectionFactory factory(TcpConnectionOptions options, TcpMessageListener listener) {
            return new BlockingTcpServerFactory(options, executor, listener);
        }
    }

    /** {@link JunctionServer} on a {@link NioTcpServerFactory}. */
    @State(Scope.Benchmark)
    public static class JunctionNioServer extends JunctionServer {
        @Override
        TcpConnectionFactory factory(TcpConnectionOptions options, TcpMessageListener listener) {
            return new NioTcpServerFactory(options, executor, listener);
        }
    }

    /** {@link JunctionNioServer} with one selector per core ({@link TcpConnectionOptions#selectors()}). */
    @State(Scope.Benchmark)
    public static class JunctionNioServerPerCore extends JunctionNioServer {
        @Override
        int selectors() {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** A Junction runtime whose flow {@code requests} ends in a TCP outbound gateway, and its gateway proxy. */
    abstract static class JunctionClient {
        final ExecutorService executor = Executors.newCachedThreadPool();
        Junction junction;
        Echo echo;

        void start(int port, Function<TcpConnectionOptions, Function<TcpMessageListener, TcpClientFactory>> kind,
                String name) {
            TcpConnectionOptions options = TcpConnectionOptions.builder(FrameCodecs.crlf())
                    .port(port).tcpNoDelay(true).build();
            junction = Junction.create();
            junction.flow("requests").handle(Tcp.outboundGateway(junction, kind.apply(options))
                    .remoteTimeout(Duration.ofSeconds(10)).payloadAsString().build());
            echo = junction.gateway(Echo.class);
            junction.start();
            checked(echo.echo(PAYLOAD), name);
        }

        void startBlocking(int port, String name) {
            start(port, options -> listener -> new BlockingTcpClientFactory(LOOPBACK, options, executor, listener),
                    name);
        }

        void startNio(int port, String name) {
            start(port, options -> listener -> new NioTcpClientFactory(LOOPBACK, options, executor, listener), name);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            junction.close();
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** A Junction client on a {@link BlockingTcpClientFactory}. */
    @State(Scope.Thread)
    public static class JunctionBlockingClient extends JunctionClient {
        @Setup(Level.Trial)
        public void setUp(JunctionBlockingServer server) {
            startBlocking(server.port, "Junction blocking");
        }
    }

    /**
     * A Junction client on a {@link BlockingTcpClientFactory}, as {@link JunctionBlockingClient}, but connected to the
     * {@link RawServer}: the raw floor's own server, so that only the client differs from {@link #rawSocket}.
     */
    @State(Scope.Thread)
    public static class JunctionClientOfRawServer extends JunctionClient {
        @Setup(Level.Trial)
        public void setUp(RawServer server) {
            startBlocking(server.serverSocket.getLocalPort(), "Junction blocking client, raw server");
        }
    }

    /** A Junction client on a {@link NioTcpClientFactory}. */
    @State(Scope.Thread)
    public static class JunctionNioClient extends JunctionClient {
        @Setup(Level.Trial)
        public void setUp(JunctionNioServer server) {
            startNio(server.port, "Junction NIO");
        }
    }

    /** A Junction client on a {@link NioTcpClientFactory}, to the server with one selector per core. */
    @State(Scope.Thread)
    public static class JunctionNioClientOfServerPerCore extends JunctionClient {
        @Setup(Level.Trial)
        public void setUp(JunctionNioServerPerCore server) {
            startNio(server.port, "Junction NIO, a selector per core");
        }
    }

    /**
     * One Junction runtime for every benchmark thread, whose outbound gateway borrows connections from a
     * {@link CachingTcpClientFactory} over a single-use {@link BlockingTcpClientFactory}: with {@code -t 4}, four
     * threads share the gateway and its pool (of {@link #POOL_SIZE}).
     */
    @State(Scope.Benchmark)
    public static class JunctionPooledClient extends JunctionClient {
        static final int POOL_SIZE = 8;

        @Setup(Level.Trial)
        public void setUp(JunctionBlockingServer server) {
            start(server.port, options -> listener -> new CachingTcpClientFactory(new BlockingTcpClientFactory(
                    LOOPBACK, TcpConnectionOptions.builder(options.codec()).port(options.port()).tcpNoDelay(true)
                            .singleUse(true).build(), executor, listener), POOL_SIZE, Duration.ofSeconds(10)),
                    "Junction pooled");
        }
    }

    // ---------------------------------------------------------------------------------------------- Spring

    /** Spring Integration's inbound gateway on a server connection factory, echoing every request. */
    abstract static class SpringServer {
        AbstractServerConnectionFactory server;
        org.springframework.integration.ip.tcp.TcpInboundGateway gateway;
        int port;

        abstract AbstractServerConnectionFactory factory();

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            server = factory();
            ByteArrayCrLfSerializer serializer = new ByteArrayCrLfSerializer();
            server.setSerializer(serializer);
            server.setDeserializer(serializer);
            server.setLocalAddress(LOOPBACK);
            server.setSoTcpNoDelay(true);
            DirectChannel requests = new DirectChannel();
            requests.subscribe(request -> ((MessageChannel) request.getHeaders().getReplyChannel()).send(
                    MessageBuilder.withPayload(request.getPayload()).copyHeaders(request.getHeaders()).build()));
            gateway = new org.springframework.integration.ip.tcp.TcpInboundGateway();
            gateway.setConnectionFactory(server);
            gateway.setRequestChannel(requests);
            gateway.afterPropertiesSet();
            server.afterPropertiesSet();
            gateway.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!server.isListening()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Spring's server does not listen");
                }
                Thread.sleep(10);
            }
            port = server.getPort();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            gateway.stop();
            server.stop();
        }
    }

    /** {@link SpringServer} on a {@link TcpNetServerConnectionFactory}. */
    @State(Scope.Benchmark)
    public static class SpringNetServer extends SpringServer {
        @Override
        AbstractServerConnectionFactory factory() {
            return new TcpNetServerConnectionFactory(0);
        }
    }

    /** {@link SpringServer} on a {@link TcpNioServerConnectionFactory}. */
    @State(Scope.Benchmark)
    public static class SpringNioServer extends SpringServer {
        @Override
        AbstractServerConnectionFactory factory() {
            return new TcpNioServerConnectionFactory(0);
        }
    }

    /** Spring Integration's outbound gateway subscribed to a direct channel, and a template asking through it. */
    abstract static class SpringClient {
        AbstractClientConnectionFactory client;
        TcpOutboundGateway gateway;
        DirectChannel requests;
        MessagingTemplate template;

        void start(AbstractClientConnectionFactory factory, String name) {
            client = factory;
            ByteArrayCrLfSerializer serializer = new ByteArrayCrLfSerializer();
            client.setSerializer(serializer);
            client.setDeserializer(serializer);
            client.setSoTcpNoDelay(true);
            client.afterPropertiesSet();
            client.start();
            gateway = new TcpOutboundGateway();
            // a bare bean factory, not an application context: the gateway resolves its channels through one
            gateway.setBeanFactory(new DefaultListableBeanFactory());
            gateway.setConnectionFactory(client);
            gateway.setRemoteTimeout(10_000);
            gateway.afterPropertiesSet();
            gateway.start();
            requests = new DirectChannel();
            requests.subscribe(gateway);
            template = new MessagingTemplate();
            template.setReceiveTimeout(10_000);
            checked(ask(), name);
        }

        String ask() {
            Message<?> reply = template.sendAndReceive(requests, MessageBuilder.withPayload(PAYLOAD).build());
            return reply == null ? null : new String((byte[]) reply.getPayload(), StandardCharsets.UTF_8);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            gateway.stop();
            client.stop();
        }
    }

    /** A Spring client on a {@link TcpNetClientConnectionFactory}. */
    @State(Scope.Thread)
    public static class SpringNetClient extends SpringClient {
        @Setup(Level.Trial)
        public void setUp(SpringNetServer server) {
            start(new TcpNetClientConnectionFactory(LOOPBACK, server.port), "Spring Integration Net");
        }
    }

    /** A Spring client on a {@link TcpNioClientConnectionFactory}. */
    @State(Scope.Thread)
    public static class SpringNioClient extends SpringClient {
        @Setup(Level.Trial)
        public void setUp(SpringNioServer server) {
            start(new TcpNioClientConnectionFactory(LOOPBACK, server.port), "Spring Integration NIO");
        }
    }

    // ---------------------------------------------------------------------------------------------- raw socket

    /** A {@link ServerSocket} accepting on one thread, and one thread per connection writing back what it reads. */
    @State(Scope.Benchmark)
    public static class RawServer {
        ServerSocket serverSocket;
        final ExecutorService executor = Executors.newCachedThreadPool();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            serverSocket = new ServerSocket(0, 50, loopback());
            executor.execute(() -> {
                while (!serverSocket.isClosed()) {
                    try {
                        Socket socket = serverSocket.accept();
                        socket.setTcpNoDelay(true);
                        executor.execute(() -> echo(socket));
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        private static void echo(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            serverSocket.close();
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** A plain blocking socket connected to the {@link RawServer}. */
    @State(Scope.Thread)
    public static class RawClient {
        Socket socket;
        InputStream in;
        OutputStream out;
        final byte[] buffer = new byte[256];

        @Setup(Level.Trial)
        public void setUp(RawServer server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(loopback(), server.serverSocket.getLocalPort()), 10_000);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            checked(ask(), "raw socket");
        }

        /** Writes the frame, reads up to the LF and returns the text before the CRLF. */
        String ask() throws IOException {
            out.write(FRAME);
            int length = 0;
            while (length == 0 || buffer[length - 1] != '\n') {
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    throw new IOException("the raw echo server closed the connection");
                }
                length += n;
            }
            return new String(buffer, 0, length - 2, StandardCharsets.US_ASCII);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            socket.close();
        }
    }

    /**
     * A plain blocking socket connected to the {@link RawServer}, read by a thread of its own that completes the
     * caller's future with each reply: the hand-off every gateway client makes, and nothing else.
     */
    @State(Scope.Thread)
    public static class RawReaderThreadClient {
        Socket socket;
        OutputStream out;
        final ExecutorService reader = Executors.newSingleThreadExecutor();
        volatile CompletableFuture<String> pending;

        @Setup(Level.Trial)
        public void setUp(RawServer server) throws Exception {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(loopback(), server.serverSocket.getLocalPort()), 10_000);
            out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            reader.execute(() -> readReplies(in));
            checked(ask(), "raw socket with a reader thread");
        }

        private void readReplies(InputStream in) {
            byte[] buffer = new byte[256];
            int length = 0;
            try {
                for (int n; (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
                    length += n;
                    if (buffer[length - 1] == '\n') {
                        pending.complete(new String(buffer, 0, length - 2, StandardCharsets.US_ASCII));
                        length = 0;
                    }
                }
            } catch (IOException e) {
                // closed by the tear-down
            }
        }

        /** Writes the frame and waits for the reader thread to hand over the reply. */
        String ask() throws Exception {
            CompletableFuture<String> reply = new CompletableFuture<>();
            pending = reply;
            out.write(FRAME);
            return reply.get(10, TimeUnit.SECONDS);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            socket.close();
            reader.shutdownNow();
            reader.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------------------------------------- benchmarks

    @Benchmark
    public String junctionBlocking(JunctionBlockingClient client) {
        return client.echo.echo(PAYLOAD);
    }

    @Benchmark
    public String junctionClientRawServer(JunctionClientOfRawServer client) {
        return client.echo.echo(PAYLOAD);
    }

    @Benchmark
    public String junctionPooled(JunctionPooledClient client) {
        return client.echo.echo(PAYLOAD);
    }

    @Benchmark
    public String junctionNio(JunctionNioClient client) {
        return client.echo.echo(PAYLOAD);
    }

    @Benchmark
    public String junctionNioSelectorPerCore(JunctionNioClientOfServerPerCore client) {
        return client.echo.echo(PAYLOAD);
    }

    @Benchmark
    public String springNet(SpringNetClient client) {
        return client.ask();
    }

    @Benchmark
    public String springNio(SpringNioClient client) {
        return client.ask();
    }

    @Benchmark
    public String rawSocket(RawClient client) throws IOException {
        return client.ask();
    }

    @Benchmark
    public String rawSocketReaderThread(RawReaderThreadClient client) throws Exception {
        return client.ask();
    }
}
