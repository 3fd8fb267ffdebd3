package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.bytes;
import static dev.junction.tcp.gateway.TcpFixture.port;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One-way adapters, alone and collaborating on one factory: an inbound adapter receives and an outbound adapter
 * answers on the connection the header names, on a server; on a client, one sends and the other receives the
 * replies and pushes, correlated by connection id; an outbound adapter also pushes to an inbound gateway's peers.
 */
@Timeout(60)
class CollaboratingAdaptersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TcpFixture fixture = new TcpFixture();
    private final Junction junction = fixture.junction();

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onAServerTheOutboundAdapterAnswersTheConnectionTheInboundAdapterReceivedOn(Kind kind) throws Exception {
        TcpInboundChannelAdapter in = Tcp.inboundAdapter(junction, fixture.server(kind,
                TcpFixture.serverOptions(FrameCodecs.crlf()).build())).outputChannel("received").payloadAsString()
                .register();
        junction.flow("received").transform((String line) -> "echo " + line).handle(Tcp.outboundAdapter(junction, in)
                .build());
        junction.start();

        try (TelnetClient first = new TelnetClient(port(in)); TelnetClient second = new TelnetClient(port(in))) {
            first.write("one\r\n");
            second.write("two\r\n");
            assertThat(second.readLine()).isEqualTo("echo two");
            assertThat(first.readLine()).isEqualTo("echo one");
        }
        assertThat(in.getId()).isEqualTo("received.tcpInboundAdapter");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onAClientTheInboundAdapterReceivesTheRepliesAndPushesToWhatTheOutboundAdapterSent(Kind kind)
            throws Exception {
        BlockingQueue<TcpConnection> serverSide = new LinkedBlockingQueue<>();
        TcpServerFactory server = fixture.startServer(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> {
                    serverSide.add(connection);
                    connection.send(bytes("reply to " + text(payload)));
                });
        PollableChannel received = junction.register(MessageChannels.queue("received", 10));
        TcpInboundChannelAdapter in = Tcp.inboundAdapter(junction, fixture.client(kind,
                        TcpFixture.clientOptions(FrameCodecs.crlf(), server.port()).build()))
                .outputChannel(received).payloadAsString().register();
        TcpOutboundChannelAdapter out = Tcp.outboundAdapter(junction, in).build();
        junction.flow("toServer").handle(out);
        junction.start();

        junction.channel("toServer").send(Message.of("hello"));

        Message<?> reply = received.receive(WAIT);
        assertThat(reply.getPayload()).isEqualTo("reply to hello");
        TcpConnection atServer = serverSide.poll(10, TimeUnit.SECONDS);
        assertThat(atServer).isNotNull();
        String clientConnection = (String) reply.getHeaders().get(TcpHeaders.CONNECTION_ID);
        assertThat(clientConnection).startsWith("127.0.0.1:" + server.port() + ":"
                + atServer.remoteAddress().getPort() + ":");
        atServer.send(bytes("pushed"));
        Message<?> push = received.receive(WAIT);
        assertThat(push.getPayload()).isEqualTo("pushed");
        assertThat(push.getHeaders().get(TcpHeaders.CONNECTION_ID)).isEqualTo(clientConnection);
    }

    @Test
    void anOutboundAdapterPushesToAnyOpenConnectionOfAnInboundGateway() throws Exception {
        List<String> connections = new CopyOnWriteArrayList<>();
        junction.flow("greetings").handle(new InboundGatewayTest.Recorder(request -> {
            connections.add((String) request.getHeaders().get(TcpHeaders.CONNECTION_ID));
            return "welcome";
        }));
        TcpInboundGateway gateway = Tcp.inboundGateway(junction, fixture.server(Kind.NIO,
                TcpFixture.serverOptions(FrameCodecs.crlf()).build())).requestChannel("greetings").register();
        TcpOutboundChannelAdapter push = Tcp.outboundAdapter(junction, gateway).name("pusher").build();
        junction.start();

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("hi\r\n");
            assertThat(telnet.readLine()).isEqualTo("welcome");

            push.handleMessage(MessageBuilder.withPayload("news, unasked")
                    .setHeader(TcpHeaders.CONNECTION_ID, connections.get(0)).build());

            assertThat(telnet.readLine()).isEqualTo("news, unasked");
        }
        assertThatThrownBy(() -> push.handleMessage(Message.of("to whom?")))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("pusher sends on the connections of")
                .hasMessageContaining("needs the 'ip_connectionId' header");
        await().atMost(10, TimeUnit.SECONDS).until(() -> gateway.connectionFactory().openConnections().isEmpty());
        assertThatThrownBy(() -> push.handleMessage(MessageBuilder.withPayload("gone")
                .setHeader(TcpHeaders.CONNECTION_ID, connections.get(0)).build()))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("is not open");
    }

    @Test
    void anOutboundAdapterOnItsOwnSingleUseFactoryClosesEachConnectionAfterSending() throws Exception {
        BlockingQueue<String> atServer = new LinkedBlockingQueue<>();
        TcpServerFactory server = fixture.startServer(Kind.BLOCKING, TcpFixture.serverOptions(FrameCodecs.crlf())
                .build(), (connection, payload) -> atServer.add(connection.id() + " " + text(payload)));
        TcpOutboundChannelAdapter out = Tcp.outboundAdapter(junction, fixture.client(Kind.BLOCKING,
                TcpFixture.clientOptions(FrameCodecs.crlf(), server.port()).singleUse(true).build())).build();

        out.handleMessage(Message.of("first"));
        out.handleMessage(Message.of(bytes("second")));

        // two connections: the server may read them in either order
        List<String> received = List.of(atServer.poll(10, TimeUnit.SECONDS), atServer.poll(10, TimeUnit.SECONDS));
        assertThat(received).extracting(line -> line.split(" ")[1]).containsExactlyInAnyOrder("first", "second");
        assertThat(received).extracting(line -> line.split(" ")[0]).doesNotHaveDuplicates();
        await().atMost(10, TimeUnit.SECONDS).until(() -> out.connectionFactory().openConnections().isEmpty());
    }

    @Test
    void anInboundAdapterSendsFailuresToItsErrorChannel() throws Exception {
        junction.flow("received").handle((String line) -> {
            throw new IllegalStateException("cannot take " + line);
        });
        PollableChannel errors = junction.register(MessageChannels.queue("errors", 10));
        TcpInboundChannelAdapter in = Tcp.inboundAdapter(junction, fixture.server(Kind.BLOCKING,
                        TcpFixture.serverOptions(FrameCodecs.crlf()).build())).outputChannel("received")
                .payloadAsString().errorChannel("errors").register();
        junction.start();

        try (TelnetClient telnet = new TelnetClient(port(in))) {
            telnet.write("this\r\n");
            Message<?> error = errors.receive(WAIT);
            assertThat((Throwable) error.getPayload()).hasRootCauseMessage("cannot take this");
        }
    }
}
