package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.port;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The inbound gateway as a peer sees it through a plain socket: replies to what it typed, the error reply or a closed
 * connection when no reply comes or the flow fails, the error flow's answer, and the events that record it.
 */
@Timeout(60)
class InboundGatewayTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final TcpFixture fixture = new TcpFixture();
    private final Junction junction = fixture.junction();
    private final List<TcpGatewayEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    /** Keeps the messages it handles and answers them. */
    public static final class Recorder {
        final List<Message<?>> seen = new CopyOnWriteArrayList<>();
        private final Function<Message<?>, Object> answer;

        Recorder(Function<Message<?>, Object> answer) {
            this.answer = answer;
        }

        @ServiceActivator
        public Object handle(Message<?> message) {
            seen.add(message);
            return answer.apply(message);
        }
    }

    private TcpInboundGatewaySpec gateway(Kind kind) {
        return gateway(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).build());
    }

    private TcpInboundGatewaySpec gateway(Kind kind, TcpConnectionOptions options) {
        return Tcp.inboundGateway(junction, fixture.server(kind, options));
    }

    private TcpInboundGateway started(TcpInboundGatewaySpec spec) {
        TcpInboundGateway gateway = spec.register();
        gateway.addEventListener(events::add);
        junction.start();
        return gateway;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTelnetUserTypesHelloAndReadsItBackInUpperCase(Kind kind) throws Exception {
        junction.flow("orders").transform((String line) -> line.toUpperCase());
        TcpInboundGateway gateway = started(gateway(kind).requestChannel("orders").payloadAsString()
                .id("orderServer"));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("hello\r\n");
            assertThat(telnet.readLine()).isEqualTo("HELLO");
            telnet.write("and again\r\n");
            assertThat(telnet.readLine()).isEqualTo("AND AGAIN");
        }
        assertThat(junction.endpoint("orderServer")).containsSame(gateway);
        assertThat(gateway.isRunning()).isTrue();
    }

    @Test
    void requestsAreBytesByDefaultAndNameTheirConnection() throws Exception {
        Recorder recorder = new Recorder(request -> "ok");
        List<Message<?>> requests = recorder.seen;
        junction.flow("in").handle(recorder);
        TcpInboundGateway gateway = started(gateway(Kind.BLOCKING).requestChannel("in"));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("bytes\r\n");
            assertThat(telnet.readLine()).isEqualTo("ok");
        }
        Message<?> request = requests.get(0);
        assertThat(request.getPayload()).isInstanceOf(byte[].class);
        assertThat(text(request.getPayload())).isEqualTo("bytes");
        assertThat((String) request.getHeaders().get(TcpHeaders.CONNECTION_ID)).startsWith("127.0.0.1:");
        assertThat(request.getHeaders().get(TcpHeaders.IP_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(request.getHeaders().get(TcpHeaders.HOST_NAME)).isEqualTo("127.0.0.1");
        assertThat(request.getHeaders().get(TcpHeaders.REMOTE_PORT)).isInstanceOf(Integer.class);
        assertThat(gateway.getId()).isEqualTo("in.tcpInboundGateway");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void noReplyInTimeSendsTheErrorReplyAndTellsTheEvent(Kind kind) throws Exception {
        junction.flow("silent").handle((MessageHandler) request -> { }); // one-way: never replies
        TcpInboundGateway gateway = started(gateway(kind).requestChannel("silent").replyTimeout(SHORT)
                .errorReply("TIMEOUT").id("silentServer"));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("anyone?\r\n");
            assertThat(telnet.readLine()).isEqualTo("TIMEOUT");
            telnet.write("still there?\r\n"); // the connection stays open after an error reply
            assertThat(telnet.readLine()).isEqualTo("TIMEOUT");
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.size() == 2);
        assertThat(events).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(
                TcpGatewayEvent.ReplyTimedOut.class, timedOut -> {
                    assertThat(timedOut.endpointId()).isEqualTo("silentServer");
                    assertThat(timedOut.replyTimeout()).isEqualTo(SHORT);
                    assertThat(timedOut.errorReplySent()).isTrue();
                    assertThat(text(timedOut.request().getPayload())).isIn("anyone?", "still there?");
                }));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void noReplyInTimeWithoutAnErrorReplyClosesTheConnection(Kind kind) throws Exception {
        junction.flow("silent").handle((MessageHandler) request -> { });
        TcpInboundGateway gateway = started(gateway(kind).requestChannel("silent").replyTimeout(SHORT));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("anyone?\r\n");
            assertThat(telnet.readLine()).as("the end of the stream").isNull();
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.size() == 1);
        assertThat(events.get(0)).isInstanceOfSatisfying(TcpGatewayEvent.ReplyTimedOut.class,
                timedOut -> assertThat(timedOut.errorReplySent()).isFalse());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailureGoesToTheErrorChannelWhoseReplyIsWrittenBack(Kind kind) throws Exception {
        junction.flow("orders").handle((String order) -> {
            throw new IllegalArgumentException("no such drink: " + order);
        });
        Recorder recorder = new Recorder(error -> "ERROR " + ((Throwable) error.getPayload()).getCause().getMessage());
        List<Message<?>> errors = recorder.seen;
        junction.flow("orderErrors").handle(recorder);
        TcpInboundGateway gateway = started(gateway(kind).requestChannel("orders").payloadAsString()
                .errorChannel("orderErrors"));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("tea\r\n");
            assertThat(telnet.readLine()).isEqualTo("ERROR no such drink: tea");
        }
        assertThat(errors).singleElement().isInstanceOfSatisfying(ErrorMessage.class, error -> assertThat(
                error.getOriginalMessage()).get().extracting(Message::getPayload).isEqualTo("tea"));
        assertThat(events).isEmpty();
    }

    @Test
    void aFailureWithoutErrorChannelSendsTheErrorReplyAndTellsTheEvent() throws Exception {
        junction.flow("orders").handle((String order) -> {
            throw new IllegalStateException("kitchen closed");
        });
        TcpInboundGateway gateway = started(gateway(Kind.NIO).requestChannel("orders").payloadAsString()
                .errorReply(TcpFixture.bytes("SORRY")));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("soup\r\n");
            assertThat(telnet.readLine()).isEqualTo("SORRY");
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.size() == 1);
        assertThat(events.get(0)).isInstanceOfSatisfying(TcpGatewayEvent.ExchangeFailed.class, failed -> {
            assertThat(failed.errorReplySent()).isTrue();
            assertThat(failed.cause()).hasRootCauseMessage("kitchen closed");
        });
    }

    @Test
    void aReplyBuiltWithoutTheConnectionIdFailsSayingHowToCopyIt() throws Exception {
        // A handler that answers with a message of its own, forgetting the request's headers.
        junction.flow("careless").handle((MessageHandler) request -> ((MessageChannel) request.getHeaders()
                .getReplyChannel()).send(MessageBuilder.withPayload("lost").build()));
        TcpInboundGateway gateway = started(gateway(Kind.BLOCKING).requestChannel("careless")
                .errorReply("NO REPLY"));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("hello\r\n");
            assertThat(telnet.readLine()).isEqualTo("NO REPLY");
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.size() == 1);
        assertThat(events.get(0)).isInstanceOfSatisfying(TcpGatewayEvent.ExchangeFailed.class, failed ->
                assertThat(failed.cause()).hasMessageContaining("it has no 'ip_connectionId' header")
                        .hasMessageContaining("copyHeaders(request.getHeaders())")
                        .hasMessageContaining("setHeader(TcpHeaders.CONNECTION_ID"));
    }

    @Test
    void aReplyThatIsAWholeMessageCarryingTheHeaderIsWritten() throws Exception {
        junction.flow("careful").handle((MessageHandler) request -> ((MessageChannel) request.getHeaders()
                .getReplyChannel()).send(MessageBuilder.withPayload("kept")
                .setHeader(TcpHeaders.CONNECTION_ID, request.getHeaders().get(TcpHeaders.CONNECTION_ID)).build()));
        TcpInboundGateway gateway = started(gateway(Kind.NIO).requestChannel("careful"));

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("hello\r\n");
            assertThat(telnet.readLine()).isEqualTo("kept");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSingleUseServerClosesTheConnectionAfterItsReply(Kind kind) throws Exception {
        junction.flow("once").transform((String line) -> line + "!");
        TcpInboundGateway gateway = started(gateway(kind, TcpFixture.serverOptions(FrameCodecs.crlf())
                .singleUse(true).build()).requestChannel("once").payloadAsString());

        try (TelnetClient telnet = new TelnetClient(port(gateway))) {
            telnet.write("one\r\n");
            assertThat(telnet.readLine()).isEqualTo("one!");
            assertThat(telnet.readLine()).isNull();
        }
    }
}
