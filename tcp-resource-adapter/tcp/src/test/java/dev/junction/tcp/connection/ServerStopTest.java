package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Stopping closes everything a server opened and leaves none of its tasks running on the executor. */
@Timeout(60)
class ServerStopTest {

    private final CountingExecutor executor = CountingExecutor.cached();
    private final EventRecorder events = new EventRecorder();

    @AfterEach
    void closeExecutor() throws InterruptedException {
        executor.close();
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void stopClosesTheListenerAndEveryConnection(Kinds.Server kind) throws Exception {
        TcpServerFactory server = kind.create(Kinds.loopback().build(), executor,
                (connection, payload) -> connection.send(payload));
        server.addEventListener(events);
        server.start();
        int port = server.port();
        List<LineSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                LineSocket socket = new LineSocket(port);
                sockets.add(socket);
                socket.write("ping\r\n");
                assertThat(socket.readLine()).isEqualTo("ping");
            }

            server.stop();

            assertThat(server.isRunning()).isFalse();
            assertThat(server.openConnections()).isEmpty();
            assertThat(events.of(TcpConnectionEvent.Closed.class)).hasSize(5);
            for (LineSocket socket : sockets) {
                assertThat(socket.atEndOfStream()).isTrue();
            }
            assertThatThrownBy(() -> new Socket(InetAddress.getByName(Kinds.LOOPBACK), port).close())
                    .isInstanceOf(ConnectException.class);
            assertThatIllegalStateException().isThrownBy(server::port).withMessageContaining("not running");
            // The executor's own bookkeeping follows our task's last instruction by a moment: allow it that.
            await().atMost(5, TimeUnit.SECONDS).until(() -> executor.active() == 0);
        } finally {
            for (LineSocket socket : sockets) {
                socket.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void stopWaitsForAListenerThatIsStillRunning(Kinds.Server kind) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TcpServerFactory server = kind.create(Kinds.loopback().build(), executor, (connection, payload) -> {
            entered.countDown();
            awaitQuietly(release);
        });
        server.start();

        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write("hold on\r\n");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            Thread stopper = new Thread(server::stop, "stopper");
            stopper.start();
            await().atMost(10, TimeUnit.SECONDS).until(() -> stopper.getState() == Thread.State.TIMED_WAITING
                    && !server.isRunning());
            assertThat(socket.atEndOfStream()).isTrue();
            assertThat(stopper.isAlive()).isTrue();

            release.countDown();
            stopper.join(10_000);
            assertThat(stopper.isAlive()).isFalse();
            await().atMost(5, TimeUnit.SECONDS).until(() -> executor.active() == 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aStoppedServerStartsAgain(Kinds.Server kind) throws Exception {
        TcpServerFactory server = kind.create(Kinds.loopback().build(), executor,
                (connection, payload) -> connection.send(payload));
        server.start();
        server.stop();
        server.start();
        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write("again\r\n");
            assertThat(socket.readLine()).isEqualTo("again");
        } finally {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aTakenPortFailsTheStartNamingTheFactory(Kinds.Server kind) {
        TcpServerFactory first = kind.create(Kinds.loopback().build(), executor, (connection, payload) -> { });
        first.start();
        try {
            TcpServerFactory second = kind.create(Kinds.loopback().port(first.port()).build(), executor,
                    (connection, payload) -> { });
            assertThatThrownBy(second::start).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("Cannot start").hasMessageContaining(String.valueOf(first.port()))
                    .hasCauseInstanceOf(IOException.class);
            assertThat(second.isRunning()).isFalse();
        } finally {
            first.stop();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
