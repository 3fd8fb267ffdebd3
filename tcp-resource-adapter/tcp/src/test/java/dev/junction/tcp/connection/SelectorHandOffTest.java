package dev.junction.tcp.connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.junction.tcp.connection.EchoTest.bytes;
import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An NIO server delivers payloads on its selector's thread; a delivery that takes long (a listener that waits, a
 * reply the peer does not read) must not hold up the other connections: the selector's watch takes over. With a
 * zero hand-off time every delivery is a task, which must serve them too. Three threads are enough either way.
 */
@Timeout(120)
class SelectorHandOffTest {

    private final List<TcpConnectionFactory> factories = new ArrayList<>();
    private final List<CountingExecutor> executors = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        factories.forEach(TcpConnectionFactory::stop);
        for (CountingExecutor executor : executors) {
            executor.close();
        }
    }

    @ParameterizedTest(name = "hand-off after {0} ms")
    @ValueSource(longs = {0, 20})
    void aListenerThatWaitsDoesNotHoldUpOtherConnections(long handOffMillis) throws Exception {
        CountDownLatch otherServed = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        TcpServerFactory server = start(handOffMillis, (connection, payload) -> {
            String text = text(payload);
            if (text.equals("slow")) {
                slowStarted.countDown();
                // Returns only once the other connection has been served: were that one waiting for this delivery,
                // its reader would give up first (LineSocket's 10 s timeout) and fail the test.
                boolean served = await(otherServed);
                connection.send(bytes("slow done, other served first: " + served));
            } else {
                connection.send(bytes(text));
                otherServed.countDown();
            }
        });
        try (LineSocket slow = new LineSocket(server.port()); LineSocket fast = new LineSocket(server.port())) {
            slow.write("slow\r\n");
            assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

            fast.write("fast\r\n");
            assertThat(fast.readLine()).isEqualTo("fast");
            assertThat(slow.readLine()).isEqualTo("slow done, other served first: true");
            // The connection that waited is served on as before.
            slow.write("again\r\n");
            assertThat(slow.readLine()).isEqualTo("again");
        }
    }

    @ParameterizedTest(name = "hand-off after {0} ms")
    @ValueSource(longs = {0, 20})
    void aReplyThePeerDoesNotReadDoesNotHoldUpOtherConnections(long handOffMillis) throws Exception {
        String big = "x".repeat(4 << 20); // far more than the socket buffers of both ends hold
        TcpServerFactory server = start(handOffMillis, (connection, payload) -> {
            String text = text(payload);
            connection.send(bytes(text.equals("big") ? big : text));
        });
        try (LineSocket reluctant = new LineSocket(server.port(), 4096);
             LineSocket fast = new LineSocket(server.port())) {
            reluctant.write("big\r\n"); // and reads nothing yet: the server's write of the reply waits
            fast.write("fast\r\n");
            assertThat(fast.readLine()).isEqualTo("fast");

            assertThat(reluctant.readLine()).isEqualTo(big);
            reluctant.write("small\r\n");
            assertThat(reluctant.readLine()).isEqualTo("small");
        }
    }

    @ParameterizedTest(name = "hand-off after {0} ms")
    @ValueSource(longs = {0, 20})
    void twoRepliesWaitingForTheirPeersAtOnceEachGoOutWhenItsPeerReads(long handOffMillis) throws Exception {
        // Each write waits on its own: with deliveries on the selector's thread, both of its threads may be writing.
        String big = "y".repeat(4 << 20);
        TcpServerFactory server = start(handOffMillis, (connection, payload) -> {
            String text = text(payload);
            connection.send(bytes(text.equals("big") ? big : text));
        });
        try (LineSocket first = new LineSocket(server.port(), 4096);
             LineSocket second = new LineSocket(server.port(), 4096)) {
            first.write("big\r\n");
            second.write("big\r\n");

            assertThat(first.readLine()).isEqualTo(big);
            assertThat(second.readLine()).isEqualTo(big);
            first.write("small\r\n");
            assertThat(first.readLine()).isEqualTo("small");
            second.write("small\r\n");
            assertThat(second.readLine()).isEqualTo("small");
        }
    }

    private TcpServerFactory start(long handOffMillis, TcpMessageListener listener) {
        CountingExecutor executor = CountingExecutor.fixed(3);
        executors.add(executor);
        TcpServerFactory server = new NioTcpServerFactory(Kinds.loopback().selectorHandOff(
                Duration.ofMillis(handOffMillis)).build(), executor, listener);
        factories.add(server);
        server.start();
        return server;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
