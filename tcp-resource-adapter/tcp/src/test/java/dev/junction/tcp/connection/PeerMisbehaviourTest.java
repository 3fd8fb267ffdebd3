package dev.junction.tcp.connection;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Peers that misbehave at the transport level: each gets its documented outcome, the server goes on serving the
 * others, and afterwards the server holds exactly what it held before: the same number of running tasks on its
 * executor (so no reader or writer thread is left behind) and no connection of that peer (so none of its buffers:
 * a connection's read, decode and write buffers belong to it alone).
 */
@Timeout(60)
class PeerMisbehaviourTest {

    private static final Duration SEND_TIMEOUT = Duration.ofMillis(300);
    /** Much larger than any socket buffer a peer that reads nothing can absorb, in frames of this size. */
    private static final byte[] BIG_REPLY = filled(64 * 1024);

    private final CountingExecutor executor = CountingExecutor.cached();
    private final EventRecorder events = new EventRecorder();
    private final CompletableFuture<RuntimeException> floodFailure = new CompletableFuture<>();
    private TcpServerFactory server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
        // the executor's own count drops a moment after the task inside, which stop() waited for
        await().atMost(10, TimeUnit.SECONDS).until(() -> executor.active() == 0);
        executor.close();
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aPeerThatStopsReadingFailsTheWriteAtTheSendTimeoutAndLosesOnlyItsConnection(Kinds.Server kind)
            throws Exception {
        int idleTasks = startServer(kind, Duration.ZERO);

        try (LineSocket good = new LineSocket(server.port()); LineSocket deaf = new LineSocket(server.port(), 4096)) {
            assertEcho(good, "before");
            deaf.write("flood\r\n"); // and never read

            RuntimeException failure = floodFailure.get(30, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(MessageTimeoutException.class)
                    .hasMessageContaining("Cannot send on TCP connection")
                    .hasMessageContaining("the peer read nothing for " + SEND_TIMEOUT + ", the send timeout")
                    .hasMessageContaining("the connection is closed");
            await().atMost(10, TimeUnit.SECONDS).until(() -> events.of(TcpConnectionEvent.Closed.class).size() == 1);
            String deafId = events.of(TcpConnectionEvent.Closed.class).get(0).connectionId();
            assertThat(events.of(deafId)).extracting(Object::getClass).containsExactly(
                    TcpConnectionEvent.Opened.class, TcpConnectionEvent.ExceptionOccurred.class,
                    TcpConnectionEvent.Closed.class);
            assertThat(events.of(TcpConnectionEvent.ExceptionOccurred.class).get(0).cause())
                    .hasMessageContaining("the send timeout");

            assertEcho(good, "after");
            assertThat(server.openConnections()).hasSize(1);
        }
        assertBackTo(idleTasks);
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aPeerResetMidFrameFailsOnlyItsConnection(Kinds.Server kind) throws Exception {
        int idleTasks = startServer(kind, Duration.ZERO);

        try (LineSocket good = new LineSocket(server.port())) {
            LineSocket crashed = new LineSocket(server.port());
            assertEcho(crashed, "complete");
            crashed.write("half a fr");
            crashed.abort();

            await().atMost(10, TimeUnit.SECONDS).until(() -> events.of(TcpConnectionEvent.Closed.class).size() == 1);
            String crashedId = events.of(TcpConnectionEvent.Closed.class).get(0).connectionId();
            // a reset arrives as a read error; had the half frame been read first, the end would be a frame error
            assertThat(events.of(crashedId)).extracting(Object::getClass).first()
                    .isEqualTo(TcpConnectionEvent.Opened.class);
            assertThat(events.of(crashedId)).extracting(Object::getClass).last()
                    .isEqualTo(TcpConnectionEvent.Closed.class);
            assertThat(events.of(crashedId)).hasSize(3).element(1).isInstanceOfAny(
                    TcpConnectionEvent.ExceptionOccurred.class, TcpConnectionEvent.DeserializationFailed.class);

            assertEcho(good, "still served");
            assertThat(server.openConnections()).hasSize(1);
        }
        assertBackTo(idleTasks);
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aHalfClosingPeerGetsItsRepliesThenTheConnectionCloses(Kinds.Server kind) throws Exception {
        int idleTasks = startServer(kind, Duration.ZERO);

        try (LineSocket halfClosed = new LineSocket(server.port())) {
            halfClosed.write("last words\r\n");
            halfClosed.shutdownOutput();

            assertThat(halfClosed.readLine()).isEqualTo("last words");
            assertThat(halfClosed.atEndOfStream()).isTrue();
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> events.of(TcpConnectionEvent.Closed.class).size() == 1);
        assertThat(events.of(TcpConnectionEvent.ExceptionOccurred.class)).isEmpty();
        assertThat(events.of(TcpConnectionEvent.DeserializationFailed.class)).isEmpty();
        assertBackTo(idleTasks);
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aHalfOpenConnectionIsClosedAtTheSocketTimeout(Kinds.Server kind) throws Exception {
        // A peer that vanished without a FIN or a reset (its host crashed, a middlebox dropped the connection)
        // looks like a silent one: it neither sends, reads nor closes. Here the peer is alive but silent.
        int idleTasks = startServer(kind, Duration.ofSeconds(1));

        try (LineSocket good = new LineSocket(server.port()); LineSocket vanished = new LineSocket(server.port())) {
            assertEcho(vanished, "last sign of life");
            for (int i = 0; events.of(TcpConnectionEvent.Closed.class).isEmpty(); i++) {
                assertEcho(good, "alive " + i); // the good peer keeps talking, so it stays under the timeout
            }
            String vanishedId = events.of(TcpConnectionEvent.Closed.class).get(0).connectionId();
            assertThat(events.of(vanishedId)).extracting(Object::getClass).containsExactly(
                    TcpConnectionEvent.Opened.class, TcpConnectionEvent.Closed.class);
            assertThat(vanished.atEndOfStream()).isTrue();
        }
        assertBackTo(idleTasks);
    }

    @ParameterizedTest
    @EnumSource(Kinds.Client.class)
    void aClientWhoseServerStopsReadingFailsTheWriteAtTheSendTimeout(Kinds.Client kind) throws Exception {
        try (ServerSocket deafServer = new ServerSocket()) {
            deafServer.setReceiveBufferSize(4096);
            deafServer.bind(new InetSocketAddress(InetAddress.getByName(Kinds.LOOPBACK), 0));
            TcpClientFactory client = kind.create(Kinds.loopback().port(deafServer.getLocalPort())
                    .sendTimeout(SEND_TIMEOUT).sendBufferSize(4096).build(), executor, (connection, payload) -> { });
            client.addEventListener(events);
            client.start();
            await().atMost(10, TimeUnit.SECONDS).until(() -> executor.active() == executor.submitted());
            int idleTasks = executor.active();
            try {
                TcpConnection connection = client.getConnection();
                try (Socket accepted = deafServer.accept()) { // and never read
                    MessagingException failure = null;
                    while (failure == null) {
                        try {
                            connection.send(BIG_REPLY);
                        } catch (MessagingException e) {
                            failure = e;
                        }
                    }

                    assertThat(failure).isInstanceOf(MessageTimeoutException.class)
                            .hasMessageContaining("the peer read nothing for " + SEND_TIMEOUT + ", the send timeout")
                            .hasMessageContaining("the connection is closed");
                    assertThat(connection.isOpen()).isFalse();
                    await().atMost(10, TimeUnit.SECONDS)
                            .until(() -> events.of(TcpConnectionEvent.Closed.class).size() == 1);
                    assertThat(client.openConnections()).isEmpty();
                    await().atMost(10, TimeUnit.SECONDS).until(() -> executor.active() == idleTasks);
                }
            } finally {
                client.stop();
            }
        }
    }

    /**
     * Starts an echo server whose listener answers {@code flood} by writing {@link #BIG_REPLY} until a write fails.
     *
     * @return how many tasks the server runs with no connection open
     */
    private int startServer(Kinds.Server kind, Duration soTimeout) {
        server = kind.create(Kinds.loopback().sendTimeout(SEND_TIMEOUT).soTimeout(soTimeout).sendBufferSize(4096)
                .build(), executor, (connection, payload) -> {
            if (!text(payload).equals("flood")) {
                connection.send(payload);
                return;
            }
            try {
                while (true) {
                    connection.send(BIG_REPLY);
                }
            } catch (MessagingException failure) {
                floodFailure.complete(failure);
            }
        });
        server.addEventListener(events);
        server.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> executor.active() == executor.submitted());
        return executor.active();
    }

    private void assertBackTo(int idleTasks) {
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(server.openConnections()).isEmpty();
            assertThat(executor.active()).as("tasks of the server's executor").isEqualTo(idleTasks);
        });
    }

    private static void assertEcho(LineSocket socket, String text) throws Exception {
        socket.write(text + "\r\n");
        assertThat(socket.readLine()).isEqualTo(text);
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
