package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payloads travel both ways through every pairing of server and client kinds, however the bytes are cut. */
@Timeout(60)
class EchoTest {

    private final CountingExecutor executor = CountingExecutor.cached();
    private final List<TcpConnectionFactory> factories = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        factories.forEach(TcpConnectionFactory::stop);
        executor.close();
    }

    static Stream<Arguments> pairs() {
        return Stream.of(Kinds.Server.values())
                .flatMap(server -> Stream.of(Kinds.Client.values()).map(client -> Arguments.of(server, client)));
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairs")
    void echoesInOrder(Kinds.Server serverKind, Kinds.Client clientKind) throws InterruptedException {
        TcpServerFactory server = startEchoServer(serverKind);
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        TcpClientFactory client = clientKind.create(Kinds.clientOf(server).build(), executor,
                (connection, payload) -> replies.add(text(payload)));
        started(client);

        TcpConnection connection = client.getConnection();
        for (int i = 0; i < 50; i++) {
            connection.send(bytes("message " + i));
        }

        for (int i = 0; i < 50; i++) {
            assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("message " + i);
        }
        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.remoteAddress().getPort()).isEqualTo(server.port());
        assertThat(connection.id()).startsWith("127.0.0.1:" + server.port() + ":"
                + connection.localAddress().getPort() + ":");
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void manyFramesInOneSegmentAreEachDelivered(Kinds.Server serverKind) throws Exception {
        TcpServerFactory server = startEchoServer(serverKind);

        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write("one\r\ntwo\r\nthree\r\n");

            assertThat(socket.readLine()).isEqualTo("one");
            assertThat(socket.readLine()).isEqualTo("two");
            assertThat(socket.readLine()).isEqualTo("three");
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aFrameSplitAcrossWritesIsReassembled(Kinds.Server serverKind) throws Exception {
        TcpServerFactory server = startEchoServer(serverKind);

        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write("he");
            socket.write("llo\r");
            socket.write("\nwor");
            for (char c : "ld\r\n".toCharArray()) {
                socket.write(String.valueOf(c));
            }

            assertThat(socket.readLine()).isEqualTo("hello");
            assertThat(socket.readLine()).isEqualTo("world");
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aFrameLargerThanTheReadBufferIsDelivered(Kinds.Server serverKind) throws Exception {
        TcpServerFactory server = started(serverKind.create(Kinds.loopback().maxMessageSize(100_000).build(),
                executor, (connection, payload) -> connection.send(bytes(String.valueOf(payload.length)))));
        String large = "x".repeat(3 * AbstractTcpConnection.READ_BUFFER_SIZE + 17);

        try (LineSocket socket = new LineSocket(server.port())) {
            socket.write(large + "\r\n");

            assertThat(socket.readLine()).isEqualTo(String.valueOf(large.length()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void aReplyLargerThanTheSocketBuffersWaitsForThePeerAndArrivesWhole(Kinds.Server serverKind) throws Exception {
        String large = "0123456789".repeat(200_000);
        TcpServerFactory server = started(serverKind.create(Kinds.loopback().sendBufferSize(4096).build(),
                executor, (connection, payload) -> connection.send(bytes(large))));

        try (LineSocket socket = new LineSocket(server.port(), 4096)) {
            socket.write("send it\r\n");

            assertThat(socket.readLine()).isEqualTo(large);
        }
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @MethodSource("pairs")
    void afterShuttingItsOutputDownAClientStillReadsTheReply(Kinds.Server serverKind, Kinds.Client clientKind)
            throws InterruptedException {
        // The server replies to each payload as it arrives, then closes at the end of the stream.
        TcpServerFactory server = started(serverKind.create(Kinds.loopback().build(), executor,
                (connection, payload) -> connection.send(bytes("got " + text(payload)))));
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        TcpClientFactory client = started(clientKind.create(Kinds.clientOf(server).singleUse(true).build(),
                executor, (connection, payload) -> replies.add(text(payload))));
        TcpConnection connection = client.getConnection();
        connection.send(bytes("last"));

        connection.shutdownOutput();

        assertThat(replies.poll(10, TimeUnit.SECONDS)).isEqualTo("got last");
        assertThatThrownBy(() -> connection.send(bytes("too late"))).isInstanceOf(MessagingException.class);
    }

    private TcpServerFactory startEchoServer(Kinds.Server kind) {
        return started(kind.create(Kinds.loopback().build(), executor,
                (connection, payload) -> connection.send(payload)));
    }

    private <F extends TcpConnectionFactory> F started(F factory) {
        factories.add(factory);
        factory.start();
        return factory;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
