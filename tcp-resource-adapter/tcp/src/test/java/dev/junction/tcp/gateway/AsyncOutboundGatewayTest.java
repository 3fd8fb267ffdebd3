package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.bytes;
import static dev.junction.tcp.gateway.TcpFixture.port;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The asynchronous outbound gateway on blocking and NIO factories: the sending thread returns before the reply, which
 * follows to the reply channel; failures and timeouts go to the error channel; a reply followed at once by the end of
 * its connection counts as the reply.
 */
@Timeout(60)
class AsyncOutboundGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TcpFixture fixture = new TcpFixture();
    private final Junction client = fixture.junction();
    private final PollableChannel replies = client.register(MessageChannels.queue("replies", 1000));
    private final PollableChannel errors = client.register(MessageChannels.queue("errors", 1000));

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    private TcpOutboundGateway asyncGateway(Kind kind, int port, boolean singleUse, Duration remoteTimeout) {
        TcpOutboundGateway gateway = Tcp.outboundGateway(client, fixture.client(kind,
                        TcpFixture.clientOptions(FrameCodecs.crlf(), port).singleUse(singleUse).build()))
                .async(true).payloadAsString().remoteTimeout(remoteTimeout).build();
        client.flow("requests").handle(gateway);
        client.start();
        return gateway;
    }

    private void send(String payload) {
        client.channel("requests").send(MessageBuilder.withPayload(payload).setReplyChannel(replies)
                .setErrorChannel(errors).build());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSendingThreadReturnsBeforeTheReplyWhichFollowsToTheReplyChannel(Kind kind) {
        CountDownLatch answer = new CountDownLatch(1);
        TcpServerFactory slow = fixture.startServer(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> {
                    OutboundGatewayTest.await(answer);
                    connection.send(bytes(text(payload) + " at last"));
                });
        TcpOutboundGateway gateway = asyncGateway(kind, slow.port(), false, WAIT);
        assertThat(gateway.isAsync()).isTrue();

        send("request"); // returns although the server has not answered

        assertThat(replies.receive(Duration.ZERO)).isNull();
        answer.countDown();
        Message<?> reply = replies.receive(WAIT);
        assertThat(reply).isNotNull();
        assertThat(reply.getPayload()).isEqualTo("request at last");
        assertThat(errors.receive(Duration.ZERO)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRemoteTimeoutGoesToTheErrorChannelAndTheLateReplyToTheUnsolicitedChannel(Kind kind) {
        CountDownLatch answer = new CountDownLatch(1);
        TcpServerFactory slow = fixture.startServer(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> {
                    OutboundGatewayTest.await(answer);
                    connection.send(payload);
                });
        PollableChannel unsolicited = client.register(MessageChannels.queue("unsolicited", 10));
        TcpOutboundGateway gateway = Tcp.outboundGateway(client, fixture.client(kind,
                        TcpFixture.clientOptions(FrameCodecs.crlf(), slow.port()).build()))
                .async(true).remoteTimeout(Duration.ofMillis(100)).unsolicitedChannel(unsolicited).build();
        client.flow("requests").handle(gateway);
        client.start();

        send("too slow");

        Message<?> error = errors.receive(WAIT);
        assertThat(error).isInstanceOfSatisfying(ErrorMessage.class, failure -> {
            assertThat(failure.getPayload()).isInstanceOf(MessageTimeoutException.class)
                    .hasMessageContaining("no reply within the remote timeout of PT0.1S");
            assertThat(((MessagingException) failure.getPayload()).getFailedMessage().getPayload())
                    .isEqualTo("too slow");
        });
        answer.countDown();
        assertThat(unsolicited.receive(WAIT)).extracting(message -> text(message.getPayload()))
                .isEqualTo("too slow");
        assertThat(replies.receive(Duration.ZERO)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConnectionThatEndsBeforeTheReplyGoesToTheErrorChannel(Kind kind) {
        TcpServerFactory rude = fixture.startServer(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).build(),
                (connection, payload) -> connection.close());
        asyncGateway(kind, rude.port(), false, WAIT);

        send("hello?");

        Message<?> error = errors.receive(WAIT);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).hasMessageContaining("closed before the reply arrived");
    }

    static Stream<Arguments> kindsAndModes() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(Arguments.of(kind, true), Arguments.of(kind, false)));
    }

    /** The server writes each reply and closes at once: the reply must win over the end of its connection. */
    @ParameterizedTest(name = "{0} factories, async {1}")
    @MethodSource("kindsAndModes")
    void aReplyFollowedAtOnceByTheEndOfItsConnectionIsTheReply(Kind kind, boolean async) {
        Junction server = fixture.junction();
        server.flow("incoming").transform((byte[] request) -> "re: " + text(request));
        TcpInboundGateway inbound = Tcp.inboundGateway(server, fixture.server(kind, TcpFixture.serverOptions(
                FrameCodecs.crlf()).singleUse(true).build())).requestChannel("incoming").register();
        server.start();
        TcpOutboundGateway gateway = Tcp.outboundGateway(client, fixture.client(kind,
                        TcpFixture.clientOptions(FrameCodecs.crlf(), port(inbound)).singleUse(true).build()))
                .async(async).payloadAsString().build();
        client.flow("requests").handle(gateway);
        client.start();

        int requests = 200;
        for (int i = 0; i < requests; i++) {
            send("request " + i);
        }

        for (int i = 0; i < requests; i++) {
            Message<?> reply = replies.receive(WAIT);
            assertThat(reply).as("reply " + i).isNotNull();
            assertThat((String) reply.getPayload()).startsWith("re: request ");
        }
        assertThat(errors.receive(Duration.ZERO)).isNull();
    }
}
