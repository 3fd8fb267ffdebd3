package dev.junction.tcp.connection;

import static dev.junction.tcp.connection.EchoTest.bytes;
import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * NIO factories with several selectors: new connections are given to the selectors in turn, each selector delivers
 * on a thread of its own, so the connections of different selectors are served side by side; the executor must run
 * two tasks per selector and one more.
 */
@Timeout(60)
class SelectorsTest {

    // Long enough that no selector's watch takes over during a test: what runs side by side does so by selector.
    private static final Duration NO_TAKE_OVER = Duration.ofSeconds(60);

    private final CountingExecutor executor = CountingExecutor.cached();
    private final ExecutorService fourThreads = Executors.newFixedThreadPool(4);
    private final List<TcpConnectionFactory> factories = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        factories.forEach(TcpConnectionFactory::stop);
        executor.close();
        fourThreads.shutdownNow();
    }

    @Test
    void aServerServesConnectionsOfDifferentSelectorsSideBySide() throws Exception {
        // Each delivery waits for another to be in progress at the same time: only two selectors let that happen.
        CyclicBarrier bothInside = new CyclicBarrier(2);
        NioTcpServerFactory server = start(new NioTcpServerFactory(Kinds.loopback().selectors(2)
                .selectorHandOff(NO_TAKE_OVER).build(), executor, (connection, payload) -> {
                    try {
                        bothInside.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other connection's delivery did not run meanwhile", e);
                    }
                    connection.send(payload);
                }));

        try (LineSocket first = new LineSocket(server.port()); LineSocket second = new LineSocket(server.port())) {
            first.write("one\r\n");
            second.write("two\r\n");
            assertThat(first.readLine()).isEqualTo("one");
            assertThat(second.readLine()).isEqualTo("two");
        }
    }

    @Test
    void aClientGivesItsConnectionsToItsSelectorsInTurn() throws Exception {
        TcpServerFactory server = start(new BlockingTcpServerFactory(Kinds.loopback().build(), executor,
                (connection, payload) -> connection.send(payload)));
        Map<String, Thread> deliveredOn = new ConcurrentHashMap<>();
        NioTcpClientFactory client = start(new NioTcpClientFactory(Kinds.LOOPBACK, Kinds.clientOf(server)
                .singleUse(true).selectors(2).selectorHandOff(NO_TAKE_OVER).build(), executor,
                (connection, payload) -> deliveredOn.put(text(payload), Thread.currentThread())));

        for (int i = 0; i < 4; i++) {
            client.getConnection().send(bytes("reply " + i));
        }

        await().atMost(30, TimeUnit.SECONDS).until(() -> deliveredOn.size() == 4);
        // Two selectors, each delivering on its own thread: the first and third connections on one, the others on
        // the other.
        assertThat(Set.copyOf(deliveredOn.values())).hasSize(2);
        assertThat(deliveredOn.get("reply 0")).isSameAs(deliveredOn.get("reply 2"));
        assertThat(deliveredOn.get("reply 1")).isSameAs(deliveredOn.get("reply 3"));
    }

    @Test
    void twoSelectorsNeedFiveThreadsOrThreeWithoutWatches() throws Exception {
        TcpConnectionOptions twoSelectors = Kinds.loopback().selectors(2).build();
        assertThatThrownBy(() -> new NioTcpServerFactory(twoSelectors, fourThreads, (connection, payload) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("JNC-0720 NioTcpServerFactory needs an executor that runs at least 5 tasks"
                        + " at once (its 2 selectors and their watches")
                .hasMessageContaining("runs at most 4")
                .hasMessageContaining("selectorHandOff(Duration.ZERO), which needs 3")
                .hasMessageContaining("or fewer TcpConnectionOptions.selectors");

        NioTcpServerFactory server = start(new NioTcpServerFactory(Kinds.loopback().selectors(2)
                .selectorHandOff(Duration.ZERO).build(), fourThreads, (connection, payload) -> connection.send(payload)));
        try (LineSocket first = new LineSocket(server.port()); LineSocket second = new LineSocket(server.port())) {
            first.write("ping\r\n");
            second.write("pong\r\n");
            assertThat(first.readLine()).isEqualTo("ping");
            assertThat(second.readLine()).isEqualTo("pong");
        }
    }

    private <F extends TcpConnectionFactory> F start(F factory) {
        factories.add(factory);
        factory.start();
        return factory;
    }
}
