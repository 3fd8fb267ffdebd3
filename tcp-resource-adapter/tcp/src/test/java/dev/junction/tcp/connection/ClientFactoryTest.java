package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.junction.tcp.connection.EchoTest.bytes;
import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** How client factories hand out connections, and how they fail to. */
@Timeout(60)
class ClientFactoryTest {

    private final CountingExecutor executor = CountingExecutor.cached();
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final List<TcpConnectionFactory> factories = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        factories.forEach(TcpConnectionFactory::stop);
        executor.close();
    }

    @ParameterizedTest
    @EnumSource(Kinds.Client.class)
    void aSharedConnectionIsReusedAndReestablishedWhenItBroke(Kinds.Client kind) throws Exception {
        TcpServerFactory server = echoServer();
        TcpClientFactory client = client(kind, Kinds.clientOf(server).build());

        TcpConnection first = client.getConnection();
        assertThat(client.getConnection()).isSameAs(first);

        // The server sets up what it accepted on a task of its own: wait until it has.
        await().atMost(10, TimeUnit.SECONDS).until(() -> server.openConnections().size() == 1);
        server.openConnections().forEach(TcpConnection::close);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !first.isOpen());

        TcpConnection second = client.getConnection();
        assertThat(second).isNotSameAs(first);
        second.send(bytes("again"));
        assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("again");
    }

    @ParameterizedTest
    @EnumSource(Kinds.Client.class)
    void singleUseOpensANewConnectionOnEachCall(Kinds.Client kind) throws Exception {
        TcpServerFactory server = echoServer();
        EventRecorder events = new EventRecorder();
        TcpClientFactory client = client(kind, Kinds.clientOf(server).singleUse(true).build());
        client.addEventListener(events);

        try (TcpConnection first = client.getConnection(); TcpConnection second = client.getConnection()) {
            assertThat(second.id()).isNotEqualTo(first.id());
            first.send(bytes("one"));
            assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("one");
            assertThat(client.openConnections()).hasSize(2);
        }
        assertThat(client.openConnections()).isEmpty();
        assertThat(events.of(TcpConnectionEvent.Opened.class)).hasSize(2);
        assertThat(events.of(TcpConnectionEvent.Closed.class)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Kinds.Client.class)
    void aRefusedConnectionNamesTheServer(Kinds.Client kind) throws Exception {
        int port;
        try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getByName(Kinds.LOOPBACK))) {
            port = closedAgain.getLocalPort();
        }
        TcpClientFactory client = client(kind, Kinds.loopback().port(port).build());

        assertThatThrownBy(client::getConnection).isInstanceOf(MessagingException.class)
                .hasMessageContaining("Cannot connect to 127.0.0.1:" + port)
                .hasCauseInstanceOf(ConnectException.class);
        assertThat(client.openConnections()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kinds.Client.class)
    void theConnectTimeoutIsHonoured(Kinds.Client kind) throws Exception {
        try (FullBacklogServer unresponsive = new FullBacklogServer()) {
            TcpClientFactory client = client(kind, Kinds.loopback().port(unresponsive.port())
                    .connectTimeout(Duration.ofMillis(200)).build());

            assertThatThrownBy(client::getConnection).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("Cannot connect to 127.0.0.1:" + unresponsive.port())
                    .hasMessageContaining("PT0.2S")
                    .hasCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Client.class)
    void aClientMustBeStartedAndItsStopLeavesNoTaskRunning(Kinds.Client kind) throws Exception {
        TcpServerFactory server = echoServer();
        try (CountingExecutor clientExecutor = CountingExecutor.cached()) {
            TcpClientFactory client = kind.create(Kinds.clientOf(server).singleUse(true).build(), clientExecutor,
                    (connection, payload) -> replies.add(text(payload)));
            factories.add(client);
            assertThatIllegalStateException().isThrownBy(client::getConnection).withMessageContaining("start()");

            client.start();
            TcpConnection first = client.getConnection();
            TcpConnection second = client.getConnection();
            client.stop();

            assertThat(first.isOpen()).isFalse();
            assertThat(second.isOpen()).isFalse();
            assertThatThrownBy(() -> first.send(bytes("late"))).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("is closed");
            assertThat(clientExecutor.submitted()).isPositive();
            // The executor's own bookkeeping follows our task's last instruction by a moment: allow it that.
            await().atMost(5, TimeUnit.SECONDS).until(() -> clientExecutor.active() == 0);
        }
    }

    private TcpServerFactory echoServer() {
        TcpServerFactory server = new NioTcpServerFactory(Kinds.loopback().build(), executor,
                (connection, payload) -> connection.send(payload));
        factories.add(server);
        server.start();
        return server;
    }

    private TcpClientFactory client(Kinds.Client kind, TcpConnectionOptions options) {
        TcpClientFactory client = kind.create(options, executor, (connection, payload) -> replies.add(text(payload)));
        factories.add(client);
        client.start();
        return client;
    }
}
