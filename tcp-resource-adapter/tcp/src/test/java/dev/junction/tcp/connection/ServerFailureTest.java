package dev.junction.tcp.connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.junction.tcp.connection.EchoTest.bytes;
import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A connection's failure stays that connection's: events tell of it and every other connection goes on. */
@Timeout(60)
class ServerFailureTest {

    private static final int MAX_MESSAGE_SIZE = 16;

    private final CountingExecutor executor = CountingExecutor.cached();
    private final EventRecorder events = new EventRecorder();
    private TcpServerFactory server;

    @AfterEach
    void stop() throws InterruptedException {
        server.stop();
        executor.close();
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aFrameErrorClosesOnlyItsConnection(Kinds.Server kind) throws Exception {
        startEchoServer(kind);

        try (LineSocket good = new LineSocket(server.port()); LineSocket bad = new LineSocket(server.port())) {
            good.write("before\r\n");
            assertThat(good.readLine()).isEqualTo("before");

            bad.write("x".repeat(100) + "\r\n");

            assertThat(bad.atEndOfStream()).isTrue();
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> events.of(TcpConnectionEvent.Closed.class).size() == 1);
            TcpConnectionEvent.DeserializationFailed failure =
                    events.of(TcpConnectionEvent.DeserializationFailed.class).get(0);
            assertThat(failure.offendingLength()).isEqualTo(MAX_MESSAGE_SIZE + 1);
            assertThat(events.of(failure.connectionId())).extracting(Object::getClass).containsExactly(
                    TcpConnectionEvent.Opened.class, TcpConnectionEvent.DeserializationFailed.class,
                    TcpConnectionEvent.Closed.class);
            assertThat(failure.connection().isOpen()).isFalse();

            good.write("after\r\n");
            assertThat(good.readLine()).isEqualTo("after");
            assertThat(server.openConnections()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aPeerLeavingMidFrameIsReported(Kinds.Server kind) throws Exception {
        startEchoServer(kind);

        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write("complete\r\nhalf a fr");
            assertThat(socket.readLine()).isEqualTo("complete");
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> events.of(TcpConnectionEvent.Closed.class).size() == 1);
        TcpConnectionEvent.DeserializationFailed failure =
                events.of(TcpConnectionEvent.DeserializationFailed.class).get(0);
        assertThat(failure.offendingLength()).isEqualTo("half a fr".length());
        assertThat(events.of(failure.connectionId())).extracting(Object::getClass).containsExactly(
                TcpConnectionEvent.Opened.class, TcpConnectionEvent.DeserializationFailed.class,
                TcpConnectionEvent.Closed.class);
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void failingListenersNeitherBreakTheConnectionNorStopOtherListeners(Kinds.Server kind) throws Exception {
        server = kind.create(Kinds.loopback().build(), executor, (connection, payload) -> {
            if (text(payload).equals("boom")) {
                throw new IllegalStateException("listener failure");
            }
            connection.send(payload);
        });
        server.addEventListener(event -> {
            throw new IllegalStateException("event listener failure");
        });
        server.addEventListener(events);
        server.start();

        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write("boom\r\nstill here\r\n");

            assertThat(socket.readLine()).isEqualTo("still here");
            TcpConnectionEvent.ExceptionOccurred failure =
                    events.of(TcpConnectionEvent.ExceptionOccurred.class).get(0);
            assertThat(failure.cause()).hasMessage("listener failure");
            assertThat(failure.connection().isOpen()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aConnectionSilentForTheSocketTimeoutIsClosed(Kinds.Server kind) throws Exception {
        server = kind.create(Kinds.loopback().soTimeout(Duration.ofMillis(200)).build(), executor,
                (connection, payload) -> connection.send(payload));
        server.addEventListener(events);
        server.start();

        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write("awake\r\n");
            assertThat(socket.readLine()).isEqualTo("awake");

            assertThat(socket.atEndOfStream()).isTrue();
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.of(TcpConnectionEvent.Closed.class).size() == 1);
        assertThat(events.of(TcpConnectionEvent.ExceptionOccurred.class)).isEmpty();
    }

    private void startEchoServer(Kinds.Server kind) {
        server = kind.create(Kinds.loopback().maxMessageSize(MAX_MESSAGE_SIZE).build(), executor,
                (connection, payload) -> connection.send(bytes(text(payload))));
        server.addEventListener(events);
        server.start();
    }
}
