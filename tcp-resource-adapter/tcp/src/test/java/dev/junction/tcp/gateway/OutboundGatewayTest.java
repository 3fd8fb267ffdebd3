package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.bytes;
import static dev.junction.tcp.gateway.TcpFixture.port;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodec;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbound gateway against Junction's own inbound gateway and against servers that misbehave on purpose: shared
 * and single-use connections, a caching factory, timeouts, late replies, raw streams, a relay between two peers.
 */
@Timeout(60)
class OutboundGatewayTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final TcpFixture fixture = new TcpFixture();
    private final Junction server = fixture.junction();
    private final Junction client = fixture.junction();
    /** What the server saw: the connection of each request. */
    private final Set<Object> serverConnections = ConcurrentHashMap.newKeySet();

    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyTimeout = 30_000)
    interface Caller {
        String call(String request);
    }

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    /** An inbound gateway answering {@code <request> from server} on a CRLF server of that kind. */
    private TcpInboundGateway upperCasingServer(Kind kind, FrameCodec codec, boolean singleUse) {
        server.flow("incoming").handle(new InboundGatewayTest.Recorder(request -> {
            serverConnections.add(request.getHeaders().get(TcpHeaders.CONNECTION_ID));
            return text(request.getPayload()).toUpperCase();
        }));
        TcpInboundGateway gateway = Tcp.inboundGateway(server, fixture.server(kind, TcpFixture.serverOptions(codec)
                .singleUse(singleUse).build())).requestChannel("incoming").register();
        server.start();
        return gateway;
    }

    private TcpOutboundGatewaySpec outbound(Kind kind, FrameCodec codec, int port, boolean singleUse) {
        return Tcp.outboundGateway(client, fixture.client(kind, TcpFixture.clientOptions(codec, port)
                .singleUse(singleUse).build())).payloadAsString();
    }

    private Caller caller(TcpOutboundGateway gateway) {
        client.flow("requests").handle(gateway).id("tcpOut");
        Caller caller = client.gateway(Caller.class);
        client.start();
        return caller;
    }

    static Stream<Arguments> kindsAndConnections() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
    }

    @ParameterizedTest(name = "{0} factories, single-use {1}")
    @MethodSource("kindsAndConnections")
    void repliesComeBackFromAnInboundGateway(Kind kind, boolean singleUse) {
        TcpInboundGateway inbound = upperCasingServer(kind, FrameCodecs.crlf(), singleUse);
        Caller caller = caller(outbound(kind, FrameCodecs.crlf(), port(inbound), singleUse).build());

        for (int i = 0; i < 20; i++) {
            assertThat(caller.call("request " + i)).isEqualTo("REQUEST " + i);
        }
        assertThat(serverConnections).hasSize(singleUse ? 20 : 1);
    }

    @Test
    void aCachingFactoryServesFourConcurrentCallersOnAtMostFourConnections() throws Exception {
        TcpInboundGateway inbound = upperCasingServer(Kind.NIO, FrameCodecs.crlf(), false);
        TcpOutboundGateway gateway = Tcp.outboundGateway(client, listener -> new CachingTcpClientFactory(
                Kind.BLOCKING.client(TcpFixture.clientOptions(FrameCodecs.crlf(), port(inbound)).singleUse(true)
                        .build(), fixture.executor(), listener), 4, Duration.ofSeconds(10)))
                .payloadAsString().build();
        Caller caller = caller(gateway);

        List<Future<List<String>>> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int id = c;
            callers.add(fixture.executor().submit(() -> {
                List<String> wrong = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String reply = caller.call("caller " + id + " request " + i);
                    if (!reply.equals("CALLER " + id + " REQUEST " + i)) {
                        wrong.add(reply);
                    }
                }
                return wrong;
            }));
        }

        for (Future<List<String>> each : callers) {
            assertThat(each.get(30, TimeUnit.SECONDS)).as("replies meant for another caller").isEmpty();
        }
        assertThat(serverConnections).hasSizeBetween(1, 4);
    }

    @Test
    void aSharedConnectionServesConcurrentCallersOneAtATime() throws Exception {
        TcpInboundGateway inbound = upperCasingServer(Kind.BLOCKING, FrameCodecs.crlf(), false);
        Caller caller = caller(outbound(Kind.NIO, FrameCodecs.crlf(), port(inbound), false).build());

        List<Future<Boolean>> callers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int id = c;
            callers.add(fixture.executor().submit(() -> Stream.iterate(0, i -> i + 1).limit(100)
                    .allMatch(i -> caller.call(id + ":" + i + "x").equals(id + ":" + i + "X"))));
        }

        for (Future<Boolean> each : callers) {
            assertThat(each.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serverConnections).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRemoteTimeoutFailsTheCallerAndTheLateReplyReachesTheUnsolicitedChannel(Kind kind) throws Exception {
        CountDownLatch answerLate = new CountDownLatch(1);
        TcpServerFactory slow = fixture.startServer(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> {
                    if (text(payload).equals("slow")) {
                        await(answerLate);
                    }
                    connection.send(bytes(text(payload) + " answered"));
                });
        PollableChannel unsolicited = client.register(MessageChannels.queue("unsolicited", 10));
        Caller caller = caller(outbound(kind, FrameCodecs.crlf(), slow.port(), false).remoteTimeout(SHORT)
                .unsolicitedChannel("unsolicited").build());

        assertThatThrownBy(() -> caller.call("slow")).isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("no reply within the remote timeout of PT0.2S");
        answerLate.countDown();

        Message<?> late = unsolicited.receive(Duration.ofSeconds(10));
        assertThat(late).isNotNull();
        assertThat(late.getPayload()).isEqualTo("slow answered");
        assertThat((String) late.getHeaders().get(TcpHeaders.CONNECTION_ID)).startsWith("127.0.0.1:" + slow.port());
        assertThat(caller.call("next")).as("the next caller gets its own reply").isEqualTo("next answered");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whatTheServerPushesWhileNoRequestWaitsReachesTheUnsolicitedChannel(Kind kind) {
        TcpServerFactory publisher = fixture.startServer(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> {
                    connection.send(bytes("subscribed"));
                    connection.send(bytes("news 1"));
                    connection.send(bytes("news 2"));
                });
        PollableChannel unsolicited = client.register(MessageChannels.queue("unsolicited", 10));
        Caller caller = caller(outbound(kind, FrameCodecs.crlf(), publisher.port(), false)
                .unsolicitedChannel(unsolicited).build());

        assertThat(caller.call("subscribe")).isEqualTo("subscribed");

        assertThat(unsolicited.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo("news 1");
        assertThat(unsolicited.receive(Duration.ofSeconds(10))).extracting(Message::getPayload).isEqualTo("news 2");
    }

    @Test
    void aLateReplyThatNeverComesMakesTheNextRequestReplaceTheSharedConnection() {
        Set<String> connections = ConcurrentHashMap.newKeySet();
        TcpServerFactory forgetful = fixture.startServer(Kind.BLOCKING, TcpFixture.serverOptions(FrameCodecs.crlf())
                .build(), (connection, payload) -> {
                    connections.add(connection.id());
                    if (!text(payload).equals("forget me")) {
                        connection.send(payload);
                    }
                });
        Caller caller = caller(outbound(Kind.BLOCKING, FrameCodecs.crlf(), forgetful.port(), false)
                .remoteTimeout(SHORT).requestTimeout(SHORT).build());

        assertThatThrownBy(() -> caller.call("forget me")).isInstanceOf(MessageTimeoutException.class);

        assertThat(caller.call("remember me")).isEqualTo("remember me");
        assertThat(connections).as("a new connection for the request after").hasSize(2);
    }

    @Test
    void theRemoteTimeoutMayComeFromAnExpressionOverTheRequest() {
        TcpServerFactory silent = fixture.startServer(Kind.NIO, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> { });
        TcpOutboundGateway gateway = outbound(Kind.NIO, FrameCodecs.crlf(), silent.port(), true)
                .remoteTimeout("headers['patience']").build();
        PollableChannel replies = client.register(MessageChannels.queue("replies", 1));

        assertThatThrownBy(() -> gateway.handleMessage(MessageBuilder.withPayload("hello").setHeader("patience", 150)
                .setReplyChannel(replies).build())).isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("PT0.15S");
        assertThatThrownBy(() -> gateway.handleMessage(MessageBuilder.withPayload("hello")
                .setHeader("patience", Duration.ofMillis(120)).setReplyChannel(replies).build()))
                .isInstanceOf(MessageTimeoutException.class).hasMessageContaining("PT0.12S");
        assertThatThrownBy(() -> gateway.handleMessage(MessageBuilder.withPayload("hello")
                .setHeader("patience", "soon").setReplyChannel(replies).build()))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("the remote timeout expression 'headers['patience']' gave soon");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRawStreamEndsWithTheRequestWhenTheStreamIsClosedAfterSending(Kind kind) {
        TcpInboundGateway inbound = upperCasingServer(kind, FrameCodecs.raw(), true);
        Caller caller = caller(outbound(kind, FrameCodecs.raw(), port(inbound), true).closeStreamAfterSend(true)
                .build());

        assertThat(caller.call("raw bytes, no framing")).isEqualTo("RAW BYTES, NO FRAMING");
        assertThat(caller.call("again")).isEqualTo("AGAIN");
    }

    @Test
    void aConnectionClosedBeforeTheReplyFailsTheCaller() {
        TcpServerFactory rude = fixture.startServer(Kind.BLOCKING, TcpFixture.serverOptions(FrameCodecs.crlf())
                .build(), (connection, payload) -> connection.close());
        Caller caller = caller(outbound(Kind.BLOCKING, FrameCodecs.crlf(), rude.port(), false).build());

        assertThatThrownBy(() -> caller.call("hello")).isInstanceOf(MessagingException.class)
                .hasMessageContaining("closed before the reply arrived");
        assertThatThrownBy(() -> caller.call("hello again")).as("a new connection, closed again")
                .hasMessageContaining("closed before the reply arrived");
    }

    @Test
    void aRequestWaitsForTheSharedConnectionNoLongerThanTheRequestTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TcpServerFactory slow = fixture.startServer(Kind.BLOCKING, TcpFixture.serverOptions(FrameCodecs.crlf())
                .build(), (connection, payload) -> {
                    await(release);
                    connection.send(payload);
                });
        Caller caller = caller(outbound(Kind.BLOCKING, FrameCodecs.crlf(), slow.port(), false)
                .requestTimeout(SHORT).build());
        Future<String> first = fixture.executor().submit(() -> caller.call("first"));
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> slow.openConnections().size() == 1);

        assertThatThrownBy(() -> caller.call("second")).isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("the shared connection did not become free within the request timeout of"
                        + " PT0.2S");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void aPayloadThatIsNeitherBytesNorTextIsRefused() {
        TcpServerFactory echo = fixture.startEchoServer(Kind.BLOCKING, FrameCodecs.crlf());
        TcpOutboundGateway gateway = outbound(Kind.BLOCKING, FrameCodecs.crlf(), echo.port(), false).build();

        assertThatThrownBy(() -> gateway.handleMessage(Message.of(42))).isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("cannot write a payload of type java.lang.Integer on a TCP connection");
    }

    /** A peer's request relayed through Junction to another server: the reply still finds the first peer. */
    @Test
    void aRelayAnswersTheFirstPeerWithTheSecondServersReply() throws Exception {
        TcpServerFactory upstream = fixture.startServer(Kind.NIO, TcpFixture.serverOptions(FrameCodecs.stxEtx())
                .build(), (connection, payload) -> connection.send(bytes("[" + text(payload) + "]")));
        TcpOutboundGateway toUpstream = Tcp.outboundGateway(server, fixture.client(Kind.NIO,
                TcpFixture.clientOptions(FrameCodecs.stxEtx(), upstream.port()).build())).build();
        server.flow("relay").handle(toUpstream);
        TcpInboundGateway front = Tcp.inboundGateway(server, fixture.server(Kind.BLOCKING,
                TcpFixture.serverOptions(FrameCodecs.crlf()).build())).requestChannel("relay").register();
        server.start();

        try (TelnetClient telnet = new TelnetClient(port(front))) {
            telnet.write("relayed\r\n");
            assertThat(telnet.readLine()).isEqualTo("[relayed]");
        }
    }

    @Test
    void theReplyCarriesTheRequestsHeadersAndItsConnectionsWhereTheRequestHadNone() {
        TcpServerFactory echo = fixture.startEchoServer(Kind.NIO, FrameCodecs.crlf());
        TcpOutboundGateway gateway = outbound(Kind.NIO, FrameCodecs.crlf(), echo.port(), false).build();
        PollableChannel replies = client.register(MessageChannels.queue("replies", 1));

        gateway.handleMessage(MessageBuilder.withPayload(bytes("echo")).setHeader("order", 7)
                .setReplyChannel(replies).build());

        Message<?> reply = replies.receive(Duration.ofSeconds(10));
        assertThat(reply.getPayload()).isEqualTo("echo");
        assertThat(reply.getHeaders().get("order")).isEqualTo(7);
        TcpConnection connection = ((TcpClientFactory) gateway.connectionFactory()).getConnection();
        assertThat(reply.getHeaders().get(TcpHeaders.CONNECTION_ID)).isEqualTo(connection.id());
        assertThat(reply.getHeaders().get(TcpHeaders.REMOTE_PORT)).isEqualTo(echo.port());
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
