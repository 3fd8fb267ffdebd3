package dev.junction.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * times.
 * The kernel's share of the CPU time (system calls, the loopback network stack) comes from the process's clock ticks,
 * 10 ms each: measure tens of thousands of round trips for it to mean something.
 * Linux only (it reads {@code /proc/self/task/<tid>/status} and {@code /proc/self/stat}); the JVM's own threads (JIT,
 * GC) are counted too, so warm-up runs first and the figures are a little above the design's own.
 */
public final class TcpRoundTripCosts {

    private TcpRoundTripCosts() {
    }

    /** One client's round trip, and what closes the scenario. */
    private record Scenario(String name, Callable<String> roundTrip, AutoCloseable close) {
    }

    /**
     * How many times each scenario is measured after its warm-up ({@code -Drepeats=5}): on a loaded machine the least
     * disturbed of several measurements is the one to compare.
     */
    private static final int REPEATS = Integer.getInteger("repeats", 1);

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
        for (int i = 0; i < roundTrips; i++) {
            TcpRoundTripBenchmark.checked(scenario.roundTrip().call(), scenario.name());
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

    private static Scenario open(String name) throws Exception {
        switch (name) {
            case "rawSocket": {
                TcpRoundTripBenchmark.RawServer server = new TcpRoundTripBenchmark.RawServer();
                server.setUp();
                TcpRoundTripBenchmark.RawClient client = new TcpRoundTripBenchmark.RawClient();
                client.setUp(server);
                return new Scenario(name, client::ask, () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            case "rawSocketReaderThread": {
                TcpRoundTripBenchmark.RawServer server = new TcpRoundTripBenchmark.RawServer();
                server.setUp();
                TcpRoundTripBenchmark.RawReaderThreadClient client = new TcpRoundTripBenchmark.RawReaderThreadClient();
                client.setUp(server);
                return new Scenario(name, client::ask, () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            case "junctionBlocking": {
                TcpRoundTripBenchmark.JunctionBlockingServer server = new TcpRoundTripBenchmark.JunctionBlockingServer();
                server.setUp();
                TcpRoundTripBenchmark.JunctionBlockingClient client = new TcpRoundTripBenchmark.JunctionBlockingClient();
                client.setUp(server);
                return new Scenario(name, () -> client.echo.echo(TcpRoundTripBenchmark.PAYLOAD), () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            case "junctionClientRawServer": {
                TcpRoundTripBenchmark.RawServer server = new TcpRoundTripBenchmark.RawServer();
                server.setUp();
                TcpRoundTripBenchmark.JunctionClientOfRawServer client =
                        new TcpRoundTripBenchmark.JunctionClientOfRawServer();
                client.setUp(server);
                return new Scenario(name, () -> client.echo.echo(TcpRoundTripBenchmark.PAYLOAD), () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            case "junctionPooled": {
                TcpRoundTripBenchmark.JunctionBlockingServer server = new TcpRoundTripBenchmark.JunctionBlockingServer();
                server.setUp();
                TcpRoundTripBenchmark.JunctionPooledClient client = new TcpRoundTripBenchmark.JunctionPooledClient();
                client.setUp(server);
                return new Scenario(name, () -> client.echo.echo(TcpRoundTripBenchmark.PAYLOAD), () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            case "junctionNio": {
                TcpRoundTripBenchmark.JunctionNioServer server = new TcpRoundTripBenchmark.JunctionNioServer();
                server.setUp();
                TcpRoundTripBenchmark.JunctionNioClient client = new TcpRoundTripBenchmark.JunctionNioClient();
                client.setUp(server);
                return new Scenario(name, () -> client.echo.echo(TcpRoundTripBenchmark.PAYLOAD), () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            case "springNet": {
                TcpRoundTripBenchmark.SpringNetServer server = new TcpRoundTripBenchmark.SpringNetServer();
                server.setUp();
                TcpRoundTripBenchmark.SpringNetClient client = new TcpRoundTripBenchmark.SpringNetClient();
                client.setUp(server);
                return new Scenario(name, client::ask, () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            case "springNio": {
                TcpRoundTripBenchmark.SpringNioServer server = new TcpRoundTripBenchmark.SpringNioServer();
                server.setUp();
                TcpRoundTripBenchmark.SpringNioClient client = new TcpRoundTripBenchmark.SpringNioClient();
                client.setUp(server);
                return new Scenario(name, client::ask, () -> {
                    client.tearDown();
                    server.tearDown();
                });
            }
            default:
                throw new IllegalArgumentException(name);
        }
    }
}
