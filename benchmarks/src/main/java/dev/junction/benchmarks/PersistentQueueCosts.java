package dev.junction.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What one operation of {@link PersistentQueueBenchmark} (a send and the receive that takes it back) asks of the
 * database, per framework: connections borrowed, statements executed, network round trips and commits of
 * transactions that changed rows (each of which waits for the database to write its log to disk), counted in the JDBC
 * layer; and the wall time and this JVM's CPU time per operation (the CPU time leaves out the database server's). The
 * two frameworks alternate, each measured several times, in one JVM and on the same database.
 *
 * <p>With {@code -DflushWait=false} every pooled connection first runs {@code SET synchronous_commit = off}
 * (PostgreSQL only), so commits stop waiting for the log to reach the disk: a diagnostic that separates the time
 * spent waiting for the disk from the rest. It is not the benchmark's durability and its times are no result.
 *
 * <p>With {@code -Dthreads=4} the operations are shared out among four threads on the same channel, as the
 * benchmark's {@code -t 4}.
 *
 * <p>Run: {@code java [-DflushWait=false] [-Drepeats=3] [-Dthreads=1] -cp benchmarks/target/benchmarks.jar
 * dev.junction.benchmarks.PersistentQueueCosts [operations [H2|POSTGRESQL]]} (defaults 5000, POSTGRESQL; the URL as
 * the benchmark's, {@code -Djunction.bench.postgresql.url}).
 */
public final class PersistentQueueCosts {

    private static final int REPEATS = Integer.getInteger("repeats", 3);
    private static final int THREADS = Integer.getInteger("threads", 1);
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PersistentQueueCosts() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        PersistentQueueBenchmark benchmark = new PersistentQueueBenchmark();
        benchmark.database = args.length > 1 ? args[1] : "POSTGRESQL";
        boolean flushWait = Boolean.parseBoolean(System.getProperty("flushWait", "true"));
        if (!flushWait && !benchmark.database.equals("POSTGRESQL")) {
            throw new IllegalArgumentException("-DflushWait=false is a PostgreSQL setting");
        }
        JdbcCallCounter counter = new JdbcCallCounter();
        benchmark.setUp(counter::wrap, flushWait ? null : "SET synchronous_commit = off");
        System.out.printf("%s, %s, %d thread(s); per operation (send + receive):%n", benchmark.database,
                benchmark.database.equals("H2") ? "in memory"
                        : flushWait ? "commits wait for the log on disk (the benchmark's durability)"
                        : "DIAGNOSTIC: commits do not wait for the log on disk", THREADS);
        System.out.printf("%-10s %10s %10s %12s %11s %12s %15s%n", "framework", "wall µs", "JVM CPU µs",
                "connections", "statements", "round trips", "writing commits");
        try {
            List<Side> sides = List.of(new Side("junction", benchmark::junction), new Side("spring", benchmark::spring));
            for (Side side : sides) {
                run(side, operations); // warm-up: compiled code, prepared statements on every connection
            }
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                for (Side side : sides) {
                    counter.reset();
                    long cpu = OS.getProcessCpuTime();
                    long nanos = run(side, operations);
                    cpu = OS.getProcessCpuTime() - cpu;
                    double n = operations;
                    System.out.printf("%-10s %10.1f %10.1f %12.2f %11.2f %12.2f %15.2f%n", side.name,
                            nanos / 1000.0 / n, cpu / 1000.0 / n, counter.connections() / n, counter.statements() / n, counter.roundTrips() / n,
                            counter.writingCommits() / n);
                }
            }
        } finally {
            benchmark.tearDown();
        }
    }

    /** One framework's operation. */
    private record Side(String name, Supplier<Object> operation) {
    }

    /**
     * @return the wall nanoseconds of that many operations, shared out among {@link #THREADS} threads, each
     *     operation checked to have received a message
     */
    private static long run(Side side, int operations) throws InterruptedException {
        Runnable share = () -> {
            for (int i = 0; i < operations / THREADS; i++) {
                if (side.operation.get() == null) {
                    throw new IllegalStateException(side.name + " received nothing after its send");
                }
            }
        };
        long start = System.nanoTime();
        if (THREADS == 1) {
            share.run();
        } else {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> shares = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    shares.add(threads.submit(share));
                }
                for (Future<?> done : shares) {
                    try {
                        done.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(side.name + " failed", e.getCause());
                    }
                }
            } finally {
                threads.shutdown();
            }
        }
        return System.nanoTime() - start;
    }
}
