package dev.junction.tcp.connection;

import static dev.junction.tcp.connection.EchoTest.bytes;
import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection read by its caller, against a server socket the test drives by hand, whichever way the caller looks
 * for the reply ({@link ReplyWait}): a read at once or a wait on the selector first (with a read at once now and
 * then, to probe). The way changes the system calls
 * made, never the outcome: the reply, the remote timeout, the end of the stream and what came between exchanges are
 * handled alike.
 */
@Timeout(60)
class CallerReadConnectionTest {

    enum Look {
        READ_FIRST, WAIT_FIRST;

        /** As many first reads that found the reply (or nothing) as it takes to be sure of them. */
        void steer(CallerReadTcpConnection connection) {
            for (int i = 0; i < ReplyWait.MOST_CONFIDENT; i++) {
                connection.replyWait().firstRead(this == READ_FIRST);
            }
        }
    }

    private final CountingExecutor executor = CountingExecutor.cached();
    private final List<String> unawaited = new CopyOnWriteArrayList<>();
    private ServerSocket serverSocket;
    private TcpClientFactory factory;
    private CallerReadTcpConnection connection;
    private Socket peer;
    private BufferedReader peerIn;
    private OutputStream peerOut;

    @BeforeEach
    void connect() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getByName(Kinds.LOOPBACK));
        factory = new BlockingTcpClientFactory(Kinds.LOOPBACK, Kinds.loopback().port(serverSocket.getLocalPort())
                .build(), executor, (from, payload) -> unawaited.add(text(payload)));
        assertThat(factory.enableCallerReads()).isTrue();
        factory.start();
        connection = (CallerReadTcpConnection) factory.getConnection();
        peer = serverSocket.accept();
        peer.setTcpNoDelay(true);
        peerIn = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.ISO_8859_1));
        peerOut = peer.getOutputStream();
    }

    @AfterEach
    void close() throws Exception {
        factory.stop();
        peer.close();
        serverSocket.close();
        executor.close();
    }

    @ParameterizedTest
    @EnumSource(Look.class)
    void theReplyIsReadWholeOrInPieces(Look look) throws IOException {
        for (int exchange = 0; exchange < 3 * ReplyWait.PROBE_INTERVAL; exchange++) {
            look.steer(connection);
            assertThat(connection.prepareExchange()).isTrue();
            connection.send(bytes("request " + exchange));
            assertThat(peerIn.readLine()).isEqualTo("request " + exchange);
            if (exchange % 2 == 0) {
                write("reply " + exchange + "\r\n"); // usually there before the caller looks
            } else {
                write("reply ");
                String rest = exchange + "\r\n";
                new Thread(() -> write(rest)).start(); // while the caller reads or waits, or before

            }
            assertThat(text(connection.receive(Duration.ofSeconds(30)))).isEqualTo("reply " + exchange);
        }
        assertThat(unawaited).isEmpty();
        assertThat(connection.isOpen()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Look.class)
    void noReplyWithinTheTimeoutIsAPreciseFailureAndClosesTheConnection(Look look) throws IOException {
        look.steer(connection);
        assertThat(connection.prepareExchange()).isTrue();
        connection.send(bytes("request"));
        assertThat(peerIn.readLine()).isEqualTo("request");

        assertThatThrownBy(() -> connection.receive(Duration.ofMillis(100)))
                .isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("No payload on TCP connection " + connection.id() + " within PT0.1S")
                .hasMessageContaining("the connection is closed");
        assertThat(connection.isOpen()).isFalse();
        assertThat(peerIn.read()).as("the server sees the end of the stream").isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(Look.class)
    void aServerThatClosesInsteadOfReplyingFailsTheCallerAtOnce(Look look) throws IOException {
        look.steer(connection);
        assertThat(connection.prepareExchange()).isTrue();
        connection.send(bytes("request"));
        assertThat(peerIn.readLine()).isEqualTo("request");
        peer.close();

        assertThatThrownBy(() -> connection.receive(Duration.ofSeconds(30))).isInstanceOf(MessagingException.class)
                .isNotInstanceOf(MessageTimeoutException.class).hasMessageContaining("the peer closed");
        assertThat(connection.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Look.class)
    void anInterruptedCallerGivesUpWithoutReadingAndClosesTheConnection(Look look) throws IOException {
        look.steer(connection);
        assertThat(connection.prepareExchange()).isTrue();
        connection.send(bytes("request"));
        assertThat(peerIn.readLine()).isEqualTo("request");
        write("reply\r\n");

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> connection.receive(Duration.ofSeconds(30)))
                    .isInstanceOf(MessageTimeoutException.class).hasMessageContaining("interrupted");
        } finally {
            assertThat(Thread.interrupted()).as("the flag is kept").isTrue();
        }
        assertThat(connection.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Look.class)
    void whatCameBetweenExchangesGoesToTheListenerAndNeverBecomesTheReply(Look look) throws IOException {
        write("news\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(connection.prepareExchange()).isTrue();
            return !unawaited.isEmpty();
        });
        look.steer(connection);
        connection.send(bytes("request"));
        assertThat(peerIn.readLine()).isEqualTo("request");
        write("reply\r\n");

        assertThat(text(connection.receive(Duration.ofSeconds(30)))).isEqualTo("reply");
        assertThat(unawaited).containsExactly("news");
    }

    @ParameterizedTest
    @EnumSource(Look.class)
    void aServerThatClosedBetweenExchangesIsSeenBeforeTheNextRequest(Look look) throws IOException {
        look.steer(connection);
        assertThat(connection.prepareExchange()).isTrue();
        connection.send(bytes("request"));
        assertThat(peerIn.readLine()).isEqualTo("request");
        write("reply\r\n");
        assertThat(text(connection.receive(Duration.ofSeconds(30)))).isEqualTo("reply");
        peer.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> !connection.prepareExchange());
        assertThat(connection.isOpen()).isFalse();
    }

    private void write(String text) {
        try {
            peerOut.write(text.getBytes(StandardCharsets.ISO_8859_1));
            peerOut.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
