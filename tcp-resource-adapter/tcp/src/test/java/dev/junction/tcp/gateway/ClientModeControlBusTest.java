package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.bytes;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.management.CommandRefusedException;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An inbound gateway in client mode managed through the control bus: whether it is connected, and connecting again
 * at once after the server came back, by the gateway's endpoint id.
 */
@Timeout(60)
class ClientModeControlBusTest {

    private final TcpFixture fixture = new TcpFixture();
    private final Junction junction = fixture.junction();
    private final BlockingQueue<String> repliesAtServer = new LinkedBlockingQueue<>();

    @MessagingGateway(defaultRequestChannel = "controlBus", defaultReplyTimeout = 30_000)
    public interface Operator {
        @Gateway
        Object execute(String command);
    }

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    private TcpServerFactory requester(int port) {
        return fixture.startServer(Kind.NIO, TcpFixture.serverOptions(FrameCodecs.crlf()).port(port).build(),
                (connection, payload) -> repliesAtServer.add(text(payload)));
    }

    @Test
    void theControlBusReadsTheConnectionAndReconnectsAfterARestart() throws Exception {
        TcpServerFactory server = requester(0);
        int port = server.port();
        junction.flow("commands").transform((String command) -> command.toUpperCase());
        Tcp.inboundGateway(junction, fixture.client(Kind.NIO, TcpFixture.clientOptions(FrameCodecs.crlf(), port)
                        .build()))
                .requestChannel("commands").payloadAsString().clientMode(true)
                .retryInterval(TcpInboundEndpoint.DEFAULT_RETRY_INTERVAL).id("commandClient").register();
        junction.flow("controlBus").controlBus();
        Operator operator = junction.gateway(Operator.class);
        junction.start();

        await().atMost(10, TimeUnit.SECONDS).until(() -> operator.execute("@commandClient.isClientModeConnected()")
                .equals(true));
        server.stop();
        await().atMost(10, TimeUnit.SECONDS).until(() -> operator.execute("@commandClient.isClientModeConnected()")
                .equals(false));
        assertThatThrownBy(() -> operator.execute("@commandClient.retryConnection()")).as("nobody listens")
                .isInstanceOf(MessageHandlingException.class).isNotInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("commandClient.retryConnection()");

        TcpServerFactory restarted = requester(port);
        assertThat(operator.execute("@commandClient.retryConnection()")).as("without waiting the retry interval")
                .isEqualTo(true);
        assertThat(operator.execute("@commandClient.isClientModeConnected()")).isEqualTo(true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> restarted.openConnections().size() == 1);
        restarted.openConnections().get(0).send(bytes("again"));
        assertThat(repliesAtServer.poll(10, TimeUnit.SECONDS)).isEqualTo("AGAIN");
    }

    @Test
    void theGatewaysOtherMethodsAreNotManaged() {
        TcpServerFactory server = requester(0);
        Tcp.inboundGateway(junction, fixture.client(Kind.NIO, TcpFixture.clientOptions(FrameCodecs.crlf(),
                        server.port()).build()))
                .requestChannel("commands").clientMode(true).id("commandClient").register();
        junction.flow("commands").handle("payload");
        junction.flow("controlBus").controlBus();
        Operator operator = junction.gateway(Operator.class);
        junction.start();

        assertThatThrownBy(() -> operator.execute("@commandClient.connectionFactory()"))
                .isInstanceOf(CommandRefusedException.class).hasMessageStartingWith("JNC-1062")
                .hasMessageContaining("retryConnection()").hasMessageContaining("isClientModeConnected()");
    }
}
