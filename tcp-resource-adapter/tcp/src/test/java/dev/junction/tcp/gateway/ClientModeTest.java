package dev.junction.tcp.gateway;

import static dev.junction.tcp.gateway.TcpFixture.bytes;
import static dev.junction.tcp.gateway.TcpFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.TcpFixture.Kind;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An inbound gateway in client mode connects out to a server that sends it requests on that connection, connects
 * again after the server restarts (at once with retryConnection, or at the retry interval), and refuses a
 * single-use factory.
 */
@Timeout(60)
class ClientModeTest {

    private final TcpFixture fixture = new TcpFixture();
    private final Junction junction = fixture.junction();
    private final BlockingQueue<String> repliesAtServer = new LinkedBlockingQueue<>();

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    /** A server that sends the requests, and keeps the replies it gets. */
    private TcpServerFactory requester(Kind kind, int port) {
        return fixture.startServer(kind, TcpFixture.serverOptions(FrameCodecs.crlf()).port(port).build(),
                (connection, payload) -> repliesAtServer.add(text(payload)));
    }

    private TcpInboundGateway clientMode(Kind kind, int port, Duration retryInterval) {
        junction.flow("commands").transform((String command) -> command.toUpperCase());
        TcpInboundGateway gateway = Tcp.inboundGateway(junction, fixture.client(kind,
                        TcpFixture.clientOptions(FrameCodecs.crlf(), port).build()))
                .requestChannel("commands").payloadAsString().clientMode(true).retryInterval(retryInterval)
                .id("commandClient").register();
        junction.start();
        return gateway;
    }

    private String exchange(TcpServerFactory server, String request) throws InterruptedException {
        await().atMost(10, TimeUnit.SECONDS).until(() -> server.openConnections().size() == 1);
        server.openConnections().get(0).send(bytes(request));
        return repliesAtServer.poll(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void connectsOutAnswersTheServerAndReconnectsWhenAskedAfterARestart(Kind kind) throws Exception {
        TcpServerFactory server = requester(kind, 0);
        int port = server.port();
        TcpInboundGateway gateway = clientMode(kind, port, TcpInboundEndpoint.DEFAULT_RETRY_INTERVAL);

        await().atMost(10, TimeUnit.SECONDS).until(gateway::isClientModeConnected);
        assertThat(gateway.isClientMode()).isTrue();
        assertThat(exchange(server, "ping")).isEqualTo("PING");

        server.stop();
        await().atMost(10, TimeUnit.SECONDS).until(() -> !gateway.isClientModeConnected());
        assertThatThrownBy(gateway::retryConnection).as("nobody listens").isInstanceOf(MessagingException.class);
        TcpServerFactory restarted = requester(kind, port);
        gateway.retryConnection(); // without waiting the 60 s of the retry interval

        assertThat(gateway.isClientModeConnected()).isTrue();
        assertThat(exchange(restarted, "again")).isEqualTo("AGAIN");
    }

    @Test
    void reconnectsByItselfAtTheRetryInterval() throws Exception {
        TcpServerFactory server = requester(Kind.BLOCKING, 0);
        int port = server.port();
        TcpInboundGateway gateway = clientMode(Kind.BLOCKING, port, Duration.ofMillis(50));
        await().atMost(10, TimeUnit.SECONDS).until(gateway::isClientModeConnected);

        server.stop();
        await().atMost(10, TimeUnit.SECONDS).until(() -> !gateway.isClientModeConnected());
        TcpServerFactory restarted = requester(Kind.BLOCKING, port);

        await().atMost(10, TimeUnit.SECONDS).until(gateway::isClientModeConnected);
        assertThat(exchange(restarted, "by itself")).isEqualTo("BY ITSELF");
    }

    @Test
    void stoppingEndsTheConnection() {
        TcpServerFactory server = requester(Kind.NIO, 0);
        TcpInboundGateway gateway = clientMode(Kind.NIO, server.port(), Duration.ofMillis(50));
        await().atMost(10, TimeUnit.SECONDS).until(gateway::isClientModeConnected);

        junction.stop();

        assertThat(gateway.isClientModeConnected()).isFalse();
        await().atMost(10, TimeUnit.SECONDS).until(() -> server.openConnections().isEmpty());
        assertThatThrownBy(gateway::retryConnection).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not running");
    }

    @Test
    void aSingleUseFactoryIsRefusedForClientModeWithItsCode() {
        junction.flow("commands").transform((String command) -> command);

        assertThatThrownBy(() -> Tcp.inboundGateway(junction, fixture.client(Kind.BLOCKING,
                        TcpFixture.clientOptions(FrameCodecs.crlf(), 4).singleUse(true).build()))
                .requestChannel("commands").clientMode(true).register())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0701")
                .hasMessageContaining("is single-use");
        assertThatThrownBy(() -> Tcp.inboundGateway(junction, listener -> new CachingTcpClientFactory(
                        Kind.BLOCKING.client(TcpFixture.clientOptions(FrameCodecs.crlf(), 4).singleUse(true).build(),
                                fixture.executor(), listener)))
                .requestChannel("commands").clientMode(true).register())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0701");
    }

    @Test
    void aServerFactoryCannotBeInClientMode() {
        junction.flow("commands").transform((String command) -> command);

        assertThatThrownBy(() -> Tcp.inboundGateway(junction, fixture.server(Kind.BLOCKING,
                        TcpFixture.serverOptions(FrameCodecs.crlf()).build()))
                .requestChannel("commands").clientMode(true).register())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JNC-0707")
                .hasMessageContaining("is a server");
        assertThat(junction.endpoint("commands.tcpInboundGateway")).isEmpty();
    }

    @Test
    void withoutClientModeThereIsNothingToRetry() {
        junction.flow("commands").transform((String command) -> command);
        TcpInboundGateway gateway = Tcp.inboundGateway(junction, fixture.server(Kind.BLOCKING,
                TcpFixture.serverOptions(FrameCodecs.crlf()).build())).requestChannel("commands").register();

        assertThat(gateway.isClientMode()).isFalse();
        assertThat(gateway.isClientModeConnected()).isFalse();
        assertThatThrownBy(gateway::retryConnection).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not in client mode");
    }
}
