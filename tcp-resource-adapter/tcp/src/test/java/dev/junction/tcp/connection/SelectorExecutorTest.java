package dev.junction.tcp.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.MessagingException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An NIO factory keeps its selector (and, unless the hand-off time is zero, the selector's watch) on executor threads
 * for as long as it runs: a pool that can never run that many tasks and one more would leave accepted connections
 * waiting forever, so such a pool is refused with the fix, and a pool with enough threads serves.
 */
class SelectorExecutorTest {

    private final ExecutorService twoThreads = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService twoScheduled = Executors.newScheduledThreadPool(2);
    private final ExecutorService threeThreads = Executors.newFixedThreadPool(3);

    @AfterEach
    void shutDown() {
        twoThreads.shutdownNow();
        twoScheduled.shutdownNow();
        threeThreads.shutdownNow();
    }

    @Test
    void aServerRefusesAPoolThatCannotRunTheSelectorItsWatchAndAConnectionsSetUp() {
        TcpConnectionOptions options = Kinds.loopback().build();
        assertThatThrownBy(() -> new NioTcpServerFactory(options, twoThreads, (connection, payload) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("JNC-0720 NioTcpServerFactory needs an executor that runs at least 3 tasks"
                        + " at once")
                .hasMessageContaining("runs at most 2")
                .hasMessageContaining("selectorHandOff(Duration.ZERO), which needs 2");
        assertThatThrownBy(() -> new NioTcpServerFactory(options, twoScheduled, (connection, payload) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs at most 2");
    }

    @Test
    void withoutTheWatchTwoThreadsAreEnoughAndServe() throws Exception {
        TcpConnectionOptions options = Kinds.loopback().selectorHandOff(Duration.ZERO).build();
        NioTcpServerFactory server = new NioTcpServerFactory(options, twoThreads,
                (connection, payload) -> connection.send(payload));
        server.start();
        try (LineSocket client = new LineSocket(server.port())) {
            client.write("ping\r\n");
            assertThat(client.readLine()).isEqualTo("ping");
        } finally {
            server.stop();
        }
    }

    @Test
    void aClientThatSelectsRefusesToStartOnTooSmallAPool() throws Exception {
        NioTcpServerFactory server = new NioTcpServerFactory(Kinds.loopback().build(), threeThreads,
                (connection, payload) -> connection.send(payload));
        server.start();
        try {
            NioTcpClientFactory starved = new NioTcpClientFactory(Kinds.LOOPBACK, Kinds.clientOf(server).build(),
                    twoThreads, (connection, payload) -> { });
            assertThatThrownBy(starved::start).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("JNC-0720 NioTcpClientFactory needs an executor that runs at least 3 tasks at once");
            assertThat(starved.isRunning()).isFalse();
        } finally {
            server.stop();
        }
    }
}
