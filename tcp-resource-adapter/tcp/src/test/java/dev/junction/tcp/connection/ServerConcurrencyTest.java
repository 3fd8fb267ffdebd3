package dev.junction.tcp.connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static dev.junction.tcp.connection.EchoTest.bytes;
import static dev.junction.tcp.connection.EchoTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many connections at once, and the order of each connection's payloads under load. */
@Timeout(120)
class ServerConcurrencyTest {

    private static final int CONNECTIONS = 100;

    private final List<TcpConnectionFactory> factories = new ArrayList<>();
    private final List<CountingExecutor> executors = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        factories.forEach(TcpConnectionFactory::stop);
        for (CountingExecutor executor : executors) {
            executor.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kinds.Server.class)
    void serves100ConnectionsAtOnce(Kinds.Server kind) throws Exception {
        // A small fixed pool for NIO: a selector (and its watch) serve many connections with a few threads.
        CountingExecutor executor = executor(switch (kind) {
            case BLOCKING -> CountingExecutor.cached();
            case NIO -> CountingExecutor.fixed(4);
            case NIO_TWO_SELECTORS -> CountingExecutor.fixed(6);
        });
        TcpServerFactory server = kind.create(Kinds.loopback().backlog(CONNECTIONS).build(), executor,
                (connection, payload) -> connection.send(bytes(text(payload) + " from " + connection.id())));
        start(server);
        List<LineSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets.add(new LineSocket(server.port()));
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> server.openConnections().size() == CONNECTIONS);
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets.get(i).write("client " + i + "\r\n");
            }

            List<String> connectionIds = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                String reply = sockets.get(i).readLine();
                assertThat(reply).startsWith("client " + i + " from ");
                connectionIds.add(reply.substring(reply.indexOf(" from ") + 6));
            }
            assertThat(connectionIds).doesNotHaveDuplicates();
        } finally {
            for (LineSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * With a zero hand-off time every read is delivered by a task, on any of the executor's threads; with a short
     * one the selector's thread delivers, and a listener that now and then dawdles makes the selector's watch take
     * over again and again, so that a connection's deliveries move between threads either way.
     */
    @ParameterizedTest(name = "hand-off after {0} ms, {1} selector(s)")
    @CsvSource({"0, 1", "2, 1", "2, 3"})
    void nioKeepsEachConnectionsOrderOnAMultiThreadExecutor(long handOffMillis, int selectors) throws Exception {
        int clients = 8;
        int messages = 3_000;
        // Padding makes each connection's stream span many reads, and so many read tasks.
        String padding = "-".repeat(40);
        Map<String, List<Integer>> received = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        AtomicInteger malformed = new AtomicInteger();
        Map<String, Set<Thread>> threads = new ConcurrentHashMap<>();
        TcpServerFactory server = new NioTcpServerFactory(Kinds.loopback().selectorHandOff(
                Duration.ofMillis(handOffMillis)).selectors(selectors).build(),
                executor(CountingExecutor.fixed(2 * selectors + 2)),
                (connection, payload) -> {
                    AtomicInteger running = inFlight.computeIfAbsent(connection.id(), id -> new AtomicInteger());
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    // Give another thread the chance to overlap, if the factory let it; now and then for longer
                    // than the hand-off time, so that the selector changes threads.
                    if (total.get() % 500 == 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3 * handOffMillis + 1));
                    } else {
                        Thread.yield();
                    }
                    try {
                        received.computeIfAbsent(connection.id(),
                                id -> Collections.synchronizedList(new ArrayList<>()))
                                .add(Integer.parseInt(text(payload).substring(padding.length())));
                    } catch (RuntimeException e) {
                        malformed.incrementAndGet();
                    }
                    threads.computeIfAbsent(connection.id(), id -> ConcurrentHashMap.newKeySet())
                            .add(Thread.currentThread());
                    running.decrementAndGet();
                    total.incrementAndGet();
                });
        start(server);
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Object>> sent = IntStream.range(0, clients).mapToObj(c -> senders.submit(() -> {
                try (LineSocket socket = new LineSocket(server.port())) {
                    // Varied batches, so frames are cut at every possible place across reads.
                    StringBuilder batch = new StringBuilder();
                    for (int i = 0; i < messages; i++) {
                        batch.append(padding).append(i).append("\r\n");
                        if (batch.length() > 97 * (c + 1)) {
                            socket.write(batch.toString());
                            batch.setLength(0);
                        }
                    }
                    socket.write(batch.toString());
                    await().atMost(60, TimeUnit.SECONDS).until(() -> total.get() == clients * messages
                            || malformed.get() > 0);
                }
                return null;
            })).toList();
            for (Future<Object> future : sent) {
                future.get(90, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(malformed).hasValue(0);
        assertThat(overlaps).hasValue(0);
        assertThat(received).hasSize(clients);
        List<Integer> expected = IntStream.range(0, messages).boxed().toList();
        received.values().forEach(list -> assertThat(list).isEqualTo(expected));
        // The order held although a connection's reads moved between the executor's threads.
        assertThat(threads.values()).anySatisfy(used -> assertThat(used).hasSizeGreaterThan(1));
    }

    private CountingExecutor executor(CountingExecutor executor) {
        executors.add(executor);
        return executor;
    }

    private void start(TcpConnectionFactory factory) {
        factories.add(factory);
        factory.start();
    }
}
