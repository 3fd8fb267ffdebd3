package dev.junction.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * What one round trip of {@link TcpRoundTripBenchmark} costs the machine rather than how many fit in a second: CPU
 * time and thread switches per round trip, one client, each scenario in turn. Throughput on a shared, loaded machine
 * mostly measures the other processes; these two move much less with the load, and the switches count the hand-offs
 * between threads that a design makes (a thread that blocks to wait for another is switched out once).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.junction.benchmarks.TcpRoundTripCosts [roundTrips
 * [scenario...]]}, every scenario when none is named; {@code -Drepeats=n} before {@code -cp} measures each n
 * times; {@code -Dclients=4} makes the round trips with four clients at once.
 * The kernel's share of the CPU time (system calls, the loopback network stack) comes from the process's clock ticks,
 * 10 ms each: measure tens of thousands of round trips for it to mean something.
 * Linux only (it reads {@code /proc/self/task/<tid>/status} and {@code /proc/self/stat}); the JVM's own threads (JIT,
 * GC) are counted too, so warm-up runs first and the figures are a little above the design's own.
 */
public final class TcpRoundTripCosts {

    private TcpRoundTripCosts() {
    }

    /** One client's round trip, and what closes the scenario. */
    private record Scenario(String name, List<Callable<String>> roundTrips, AutoCloseable close) {
    }

    /**
     * How many times each scenario is measured after its warm-up ({@code -Drepeats=5}): on a loaded machine the least
     * disturbed of several measurements is the one to compare.
     */
    private static final int REPEATS = Integer.getInteger("repeats", 1);

    /**
     * How many clients make the round trips at once, each on a thread and a connection of its own
     * ({@code -Dclients=4}, as JMH's {@code -t 4}); they share the count of round trips.
     */
    private static final int CLIENTS = Integer.getInteger("clients", 1);

    private static void run(Callable<String> roundTrip, int times, String name) throws Exception {
        for (int i = 0; i < times; i++) {
            TcpRoundTripBenchmark.checked(roundTrip.call(), name);
        }
    }

    public static void main(String[] args) throws Exception {
        int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf("%-24s %12s %14s %16s %14s%n", "scenario", "CPU µs/trip", "switches/trip", "wall µs/trip",
                "kernel share");
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("rawSocket", "rawSocketReaderThread", "junctionBlocking", "junctionClientRawServer",
                        "junctionPooled", "junctionNio", "springNet", "springNio");
        for (String name : names) {
            Scenario scenario = open(name);
            try {
                measure(scenario, roundTrips); // warm-up: compiled code, steady buffers
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    long[] cost = measure(scenario, roundTrips);
                    System.out.printf("%-24s %12.1f %14.2f %16.1f %13.0f%%%n", name, cost[0] / 1000.0 / roundTrips,
                            (double) cost[1] / roundTrips, cost[2] / 1000.0 / roundTrips,
                            cost[3] + cost[4] == 0 ? Double.NaN : 100.0 * cost[4] / (cost[3] + cost[4]));
                }
            } finally {
                scenario.close().close();
            }
        }
    }

    /**
     * @return CPU nanoseconds, thread switches, wall nanoseconds, then user and kernel clock ticks for that many round
     *         trips
     */
    private static long[] measure(Scenario scenario, int roundTrips) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long switches = switches();
        long[] ticks = userAndKernelTicks();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        if (scenario.roundTrips().size() == 1) {
            run(scenario.roundTrips().get(0), roundTrips, scenario.name());
        } else {
            List<Future<?>> clients = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(scenario.roundTrips().size());
            try {
                for (Callable<String> roundTrip : scenario.roundTrips()) {
                    clients.add(threads.submit(() -> {
                        run(roundTrip, roundTrips / scenario.roundTrips().size(), scenario.name());
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get();
                }
            } finally {
                threads.shutdownNow();
            }
        }
        long cpuAfter = os.getProcessCpuTime();
        long wallAfter = System.nanoTime();
        long[] ticksAfter = userAndKernelTicks();
        return new long[] {cpuAfter - cpu, switches() - switches, wallAfter - wall, ticksAfter[0] - ticks[0],
                ticksAfter[1] - ticks[1]};
    }

    /**
     * @return the process's CPU time in user mode and in the kernel, in clock ticks (fields 14 and 15 of
     *         {@code /proc/self/stat}): the kernel's share is what the system calls and the network stack cost
     */
    private static long[] userAndKernelTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // the command name, in parentheses, may hold spaces: count the fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /** @return the voluntary and involuntary context switches of every live thread of this process */
    private static long switches() throws IOException {
        long total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return total;
    }

    /**
     * Opens the scenario's server and {@link #CLIENTS} clients of it, each with its own connection as a JMH thread
     * has ({@code junctionPooled}: one client whose pool every thread shares).
     */
    private static Scenario open(String name) throws Exception {
        List<Callable<String>> trips = new ArrayList<>();
        Deque<AutoCloseable> closers = new ArrayDeque<>(); // closed last opened first
        try {
            switch (name) {
                case "rawSocket", "rawSocketReaderThread", "junctionClientRawServer" -> {
                    TcpRoundTripBenchmark.RawServer server = new TcpRoundTripBenchmark.RawServer();
                    server.setUp();
                    closers.push(server::tearDown);
                    for (int i = 0; i < CLIENTS; i++) {
                        if (name.equals("rawSocket")) {
                            TcpRoundTripBenchmark.RawClient client = new TcpRoundTripBenchmark.RawClient();
                            client.setUp(server);
                            closers.push(client::tearDown);
                            trips.add(client::ask);
                        } else if (name.equals("rawSocketReaderThread")) {
                            TcpRoundTripBenchmark.RawReaderThreadClient client =
                                    new TcpRoundTripBenchmark.RawReaderThreadClient();
                            client.setUp(server);
                            closers.push(client::tearDown);
                            trips.add(client::ask);
                        } else {
                            TcpRoundTripBenchmark.JunctionClientOfRawServer client =
                                    new TcpRoundTripBenchmark.JunctionClientOfRawServer();
                            client.setUp(server);
                            closers.push(client::tearDown);
                            trips.add(() -> client.echo.echo(TcpRoundTripBenchmark.PAYLOAD));
                        }
                    }
                }
                case "junctionBlocking", "junctionPooled" -> {
                    TcpRoundTripBenchmark.JunctionBlockingServer server =
                            new TcpRoundTripBenchmark.JunctionBlockingServer();
                    server.setUp();
                    closers.push(server::tearDown);
                    TcpRoundTripBenchmark.JunctionPooledClient pooled = null;
                    if (name.equals("junctionPooled")) {
                        pooled = new TcpRoundTripBenchmark.JunctionPooledClient();
                        pooled.setUp(server);
                        closers.push(pooled::tearDown);
                    }
                    for (int i = 0; i < CLIENTS; i++) {
                        TcpRoundTripBenchmark.JunctionClient client = pooled;
                        if (client == null) {
                            TcpRoundTripBenchmark.JunctionBlockingClient own =
                                    new TcpRoundTripBenchmark.JunctionBlockingClient();
                            own.setUp(server);
                            closers.push(own::tearDown);
                            client = own;
                        }
                        TcpRoundTripBenchmark.Echo echo = client.echo;
                        trips.add(() -> echo.echo(TcpRoundTripBenchmark.PAYLOAD));
                    }
                }
                case "junctionNio" -> {
                    TcpRoundTripBenchmark.JunctionNioServer server = new TcpRoundTripBenchmark.JunctionNioServer();
                    server.setUp();
                    closers.push(server::tearDown);
                    for (int i = 0; i < CLIENTS; i++) {
                        TcpRoundTripBenchmark.JunctionNioClient client = new TcpRoundTripBenchmark.JunctionNioClient();
                        client.setUp(server);
                        closers.push(client::tearDown);
                        trips.add(() -> client.echo.echo(TcpRoundTripBenchmark.PAYLOAD));
                    }
                }
                case "springNet", "springNio" -> {
                    boolean net = name.equals("springNet");
                    TcpRoundTripBenchmark.SpringServer server = net ? new TcpRoundTripBenchmark.SpringNetServer()
                            : new TcpRoundTripBenchmark.SpringNioServer();
                    server.setUp();
                    closers.push(server::tearDown);
                    for (int i = 0; i < CLIENTS; i++) {
                        TcpRoundTripBenchmark.SpringClient client;
                        if (net) {
                            TcpRoundTripBenchmark.SpringNetClient own = new TcpRoundTripBenchmark.SpringNetClient();
                            own.setUp((TcpRoundTripBenchmark.SpringNetServer) server);
                            client = own;
                        } else {
                            TcpRoundTripBenchmark.SpringNioClient own = new TcpRoundTripBenchmark.SpringNioClient();
                            own.setUp((TcpRoundTripBenchmark.SpringNioServer) server);
                            client = own;
                        }
                        closers.push(client::tearDown);
                        trips.add(client::ask);
                    }
                }
                default -> throw new IllegalArgumentException(name);
            }
        } catch (Exception | Error e) {
            closeAll(closers);
            throw e;
        }
        return new Scenario(name, trips, () -> closeAll(closers));
    }

    private static void closeAll(Deque<AutoCloseable> closers) throws Exception {
        while (!closers.isEmpty()) {
            closers.pop().close();
        }
    }
}
