package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.port;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.CallerReadConnection;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionEvent;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpMessageListener;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A synchronous outbound gateway with no unsolicited channel reads its replies on the requesting thread: no task of
 * its factory reads the connection, nothing is handed over. What that must still guarantee: the reply is the
 * requester's own, a requester that gives up leaves no reply for a later one, a connection lost mid-reply fails the
 * requester at once, and what the server does between requests (closes, pushes) is seen by the next request.
 */
@Timeout(300)
class CallerReadsTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final TcpFixture fixture = new TcpFixture();
    private final Junction server = fixture.junction();
    private final Junction client = fixture.junction();
    /** Tasks the client factory gave its executor. */
    private final AtomicInteger clientTasks = new AtomicInteger();
    private final Executor countingExecutor = task -> {
        clientTasks.incrementAndGet();
        fixture.executor().execute(task);
    };
    /** What the client factory handed its listener: what no requester read. */
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<TcpConnectionEvent> events = new CopyOnWriteArrayList<>();
    private final List<ServerSocket> rawServers = new CopyOnWriteArrayList<>();

    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyTimeout = 60_000)
    interface Caller {
        String call(String request);
    }

    @AfterEach
    void close() throws Exception {
        for (ServerSocket each : rawServers) {
            each.close();
        }
        fixture.close();
    }

    enum Connections { SHARED, SINGLE_USE, CACHING }

    static Stream<Arguments> kindsAndConnections() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(Connections.values())
                .map(connections -> Arguments.of(kind, connections)));
    }

    /** An inbound gateway answering {@code <REQUEST>} on a server of that kind. */
    private int upperCasingServer(Kind kind) {
        server.flow("incoming").transform((String request) -> request.toUpperCase());
        TcpInboundGateway gateway = Tcp.inboundGateway(server, fixture.server(kind,
                TcpFixture.serverOptions(FrameCodecs.crlf()).build())).requestChannel("incoming").payloadAsString()
                .register();
        server.start();
        return port(gateway);
    }

    /** A client factory of that kind, counting its tasks and recording what it delivers and its events. */
    private Function<TcpMessageListener, TcpClientFactory> clientFactory(Kind kind, int port, Connections connections) {
        TcpConnectionOptions options = TcpFixture.clientOptions(FrameCodecs.crlf(), port)
                .singleUse(connections != Connections.SHARED).build();
        return listener -> {
            TcpClientFactory made = kind.client(options, countingExecutor, (connection, payload) -> {
                delivered.add(text(payload));
                listener.onMessage(connection, payload);
            });
            made.addEventListener(events::add);
            // one connection in the pool: a connection that was not closed would be lent to the next request
            return connections == Connections.CACHING ? new CachingTcpClientFactory(made, 1, Duration.ofSeconds(30))
                    : made;
        };
    }

    private Caller caller(TcpOutboundGateway gateway) {
        client.flow("requests").handle(gateway);
        Caller caller = client.gateway(Caller.class);
        client.start();
        return caller;
    }

    @ParameterizedTest(name = "{0} client, {1} connections")
    @MethodSource("kindsAndConnections")
    void theRequesterReadsItsReplyItselfAndTheFactoryRunsNoTask(Kind kind, Connections connections) {
        int port = upperCasingServer(kind);
        TcpOutboundGateway gateway = Tcp.outboundGateway(client, clientFactory(kind, port, connections))
                .payloadAsString().build();
        Caller caller = caller(gateway);

        for (int i = 0; i < 50; i++) {
            assertThat(caller.call("request " + i)).isEqualTo("REQUEST " + i);
        }
        assertThat(clientTasks).as("tasks of the client factory").hasValue(0);
        assertThat(delivered).as("payloads handed to the listener rather than read by their requester").isEmpty();
        if (connections != Connections.SINGLE_USE) {
            assertThat(gateway.connectionFactory().openConnections()).singleElement()
                    .isInstanceOf(CallerReadConnection.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withAnUnsolicitedChannelTheConnectionsTaskReadsAsDocumented(Kind kind) {
        int port = upperCasingServer(kind);
        client.register(MessageChannels.queue("unsolicited", 10));
        client.flow("requests").handle(Tcp.outboundGateway(client, clientFactory(kind, port, Connections.SHARED))
                .payloadAsString().unsolicitedChannel("unsolicited").build());
        Caller caller = client.gateway(Caller.class);
        client.start();

        assertThat(caller.call("pushed to")).isEqualTo("PUSHED TO");
        assertThat(delivered).as("the reply went through the factory's listener").containsExactly("PUSHED TO");
        assertThat(clientTasks).as("the connection's reading task").hasPositiveValue();
    }

    @ParameterizedTest(name = "{0} client, {1} connections")
    @MethodSource("kindsAndConnections")
    void aRequesterThatGivesUpClosesTheConnectionSoTheNextReadsItsOwnReply(Kind kind, Connections connections)
            throws Exception {
        CountDownLatch answerLate = new CountDownLatch(1);
        CountDownLatch lateAnswerWritten = new CountDownLatch(1);
        int port = rawServer(line -> {
            if (line.equals("slow")) {
                await(answerLate);
                lateAnswerWritten.countDown();
            }
            return line + " answered";
        });
        TcpOutboundGateway gateway = Tcp.outboundGateway(client, clientFactory(kind, port, connections))
                .remoteTimeout(SHORT).payloadAsString().build();
        Caller caller = caller(gateway);
        assertThat(caller.call("first")).isEqualTo("first answered");

        assertThatThrownBy(() -> caller.call("slow")).isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("no reply within the remote timeout of PT0.2S")
                .hasMessageContaining("its connection was closed");
        assertThat(closedConnections()).as("the connection of the request that gave up (and the first one's, when"
                + " single-use)").hasSize(connections == Connections.SINGLE_USE ? 2 : 1);
        answerLate.countDown();
        assertThat(lateAnswerWritten.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(caller.call("next")).as("the next request reads its own reply").isEqualTo("next answered");
        assertThat(caller.call("last")).isEqualTo("last answered");
        assertThat(delivered).as("the late reply was never read").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConnectionLostInTheMiddleOfTheReplyFailsTheRequesterAtOnce(Kind kind) throws Exception {
        int port = rawServer(line -> line.equals("half") ? null : line + " answered");
        Caller caller = caller(Tcp.outboundGateway(client, clientFactory(kind, port, Connections.SHARED))
                .remoteTimeout(Duration.ofSeconds(60)).payloadAsString().build());

        assertThatThrownBy(() -> caller.call("half")).isInstanceOf(MessagingException.class)
                .isNotInstanceOf(MessageTimeoutException.class).hasMessageContaining("stream ended");
        assertThat(events).filteredOn(TcpConnectionEvent.DeserializationFailed.class::isInstance).hasSize(1);
        assertThat(closedConnections()).hasSize(1);

        assertThat(caller.call("whole")).as("a new connection").isEqualTo("whole answered");
    }

    @ParameterizedTest(name = "{0} client, {1} connections")
    @MethodSource("kindsAndConnections")
    void aConnectionTheServerClosedBetweenRequestsIsReplacedBeforeTheNextRequest(Kind kind, Connections connections)
            throws Exception {
        BlockingQueue<Socket> served = new LinkedBlockingQueue<>();
        int port = rawServer(line -> line + " answered", served);
        Caller caller = caller(Tcp.outboundGateway(client, clientFactory(kind, port, connections))
                .payloadAsString().build());

        for (int i = 0; i < 5; i++) {
            assertThat(caller.call("request " + i)).isEqualTo("request " + i + " answered");
            // the server closes the connection while the client holds it idle (its FIN is on its way at once)
            served.take().close();
        }
        assertThat(caller.call("after")).isEqualTo("after answered");
    }

    @ParameterizedTest(name = "{0} client, {1} connections")
    @MethodSource("kindsAndConnections")
    void whatTheServerPushesBetweenRequestsIsNeverTakenForTheNextReply(Kind kind, Connections connections)
            throws Exception {
        CountDownLatch pushed = new CountDownLatch(1);
        int port = rawServer(line -> {
            if (line.equals("subscribe")) {
                return "subscribed\r\nnews 1"; // the push in the same segment as the reply
            }
            if (line.equals("subscribe later")) {
                return "subscribed\r\n" + PUSH_LATER + "news 2";
            }
            return line + " answered";
        }, new LinkedBlockingQueue<>(), pushed);
        Caller caller = caller(Tcp.outboundGateway(client, clientFactory(kind, port, connections == Connections.CACHING
                ? Connections.CACHING : Connections.SHARED)).payloadAsString().build());

        assertThat(caller.call("subscribe")).isEqualTo("subscribed");
        assertThat(caller.call("ping")).isEqualTo("ping answered");
        assertThat(caller.call("subscribe later")).isEqualTo("subscribed");
        assertThat(pushed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(caller.call("pong")).isEqualTo("pong answered");

        assertThat(delivered).as("the pushes, handed to the listener (logged and dropped)")
                .containsExactly("news 1", "news 2");
    }

    @Test
    void eightThreadsSendTenThousandRequestsEachThroughACachingFactoryAndEachGetsItsOwnReply() throws Exception {
        int port = upperCasingServer(Kind.NIO);
        TcpOutboundGateway gateway = Tcp.outboundGateway(client, listener -> new CachingTcpClientFactory(
                Kind.BLOCKING.client(TcpFixture.clientOptions(FrameCodecs.crlf(), port).singleUse(true)
                        .tcpNoDelay(true).build(), countingExecutor, listener), 4, Duration.ofSeconds(60)))
                .payloadAsString().build();
        Caller caller = caller(gateway);

        List<Future<List<String>>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(fixture.executor().submit(() -> {
                List<String> wrong = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    String request = "thread " + id + " request " + i;
                    String reply = caller.call(request);
                    if (!reply.equals(request.toUpperCase())) {
                        wrong.add(request + " -> " + reply);
                    }
                }
                return wrong;
            }));
        }

        for (Future<List<String>> each : threads) {
            assertThat(each.get(280, TimeUnit.SECONDS)).as("replies meant for another request").isEmpty();
        }
        assertThat(gateway.connectionFactory().openConnections()).as("the pool's connections").hasSizeBetween(1, 4);
        assertThat(clientTasks).hasValue(0);
    }

    private List<TcpConnectionEvent> closedConnections() {
        return events.stream().filter(TcpConnectionEvent.Closed.class::isInstance).toList();
    }

    // ------------------------------------------------------------------------------------------ a raw server

    /** Written alone, after what precedes it was sent: a push that comes after the reply. */
    private static final String PUSH_LATER = "\u0000later\u0000";

    private int rawServer(Function<String, String> answer) throws IOException {
        return rawServer(answer, new LinkedBlockingQueue<>());
    }

    private int rawServer(Function<String, String> answer, BlockingQueue<Socket> served) throws IOException {
        return rawServer(answer, served, new CountDownLatch(1));
    }

    /**
     * A plain server on 127.0.0.1 answering each CRLF line with the function's text (and CRLF); a {@code null}
     * answer writes half a frame and closes the connection. Each socket is offered to {@code served} once it answered.
     */
    private int rawServer(Function<String, String> answer, BlockingQueue<Socket> served, CountDownLatch pushed)
            throws IOException {
        ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getByName(TcpFixture.LOOPBACK));
        rawServers.add(serverSocket);
        fixture.executor().execute(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    fixture.executor().execute(() -> serve(socket, answer, served, pushed));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return serverSocket.getLocalPort();
    }

    private static void serve(Socket socket, Function<String, String> answer, BlockingQueue<Socket> served,
                              CountDownLatch pushed) {
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            for (String line; (line = in.readLine()) != null; ) {
                String reply = answer.apply(line);
                if (reply == null) {
                    out.write("par".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return;
                }
                int later = reply.indexOf(PUSH_LATER);
                if (later < 0) {
                    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(reply.substring(0, later).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    out.write((reply.substring(later + PUSH_LATER.length()) + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    pushed.countDown();
                }
                out.flush();
                served.add(socket);
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the server");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
