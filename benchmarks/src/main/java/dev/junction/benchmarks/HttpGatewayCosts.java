package dev.junction.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@link HttpGatewayBenchmark}'s comparison made so that a loaded machine disturbs both sides alike: one JVM, one
 * server, {@value HttpGatewayBenchmark#CLIENTS} clients, and the endpoints <em>interleaved</em> in short rounds, each
 * first in turn, so that whatever else the machine does falls on all of them. A third side, the plain resource
 * answering through a suspended request ({@code plainAsync}), shows what suspending costs by itself (a gateway
 * suspends only when its reply is not there once its resource method returns). Each round, every
 * client sends the same number of requests to one endpoint; every request's latency is kept, so the p99 comes from
 * tens of thousands of requests per side rather than from a sampled subset. Besides requests per second and the
 * latency percentiles it reports the CPU time of the whole process per request, which moves far less with the
 * machine's load than throughput does, and the voluntary thread switches of the server's threads per request (Linux
 * only, else 0): a thread that waits for another is switched out once, so a hand-off of the request or its reply
 * between threads shows as one more switch per request.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.junction.benchmarks.HttpGatewayCosts [rounds
 * [requestsPerClientPerRound]]} (defaults 40 and 250: 80,000 requests per side). Warm-up rounds of every side run
 * first and are not counted.
 */
public final class HttpGatewayCosts {

    private HttpGatewayCosts() {
    }

    /** What one side accumulates over its rounds. */
    private static final class Side {
        final String name;
        final Function<HttpGatewayBenchmark.Client, HttpRequest> endpoint;
        final List<long[]> latencies = new ArrayList<>();
        long wallNanos;
        long cpuNanos;
        long serverSwitches;
        long requests;

        Side(String name, Function<HttpGatewayBenchmark.Client, HttpRequest> endpoint) {
            this.name = name;
            this.endpoint = endpoint;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        HttpGatewayBenchmark.Server server = new HttpGatewayBenchmark.Server();
        server.start();
        try {
            HttpGatewayBenchmark.Client[] clients = new HttpGatewayBenchmark.Client[HttpGatewayBenchmark.CLIENTS];
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new HttpGatewayBenchmark.Client();
                clients[i].connect(server);
            }
            Side gateway = new Side("inboundGateway", client -> client.toGateway);
            Side plain = new Side("plainResource", client -> client.toResource);
            Side plainAsync = new Side("plainAsync", client -> client.toAsyncResource);
            List<Side> sides = List.of(gateway, plain, plainAsync);
            for (int warmUp = 0; warmUp < 10; warmUp++) {
                for (Side side : sides) {
                    round(clients, perClient, new Side("warm-up", side.endpoint));
                }
            }
            for (int i = 0; i < rounds; i++) {
                for (int next = 0; next < sides.size(); next++) { // each side first in turn
                    round(clients, perClient, sides.get((i + next) % sides.size()));
                }
            }
            System.out.printf("%d clients, %d rounds of %d requests per client and side, load average %.2f%n",
                    clients.length, rounds, perClient,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("%-16s %12s %10s %10s %10s %10s %14s %16s%n", "endpoint", "requests/s", "p50 ms", "p90 ms",
                    "p99 ms", "p99.9 ms", "CPU µs/request", "switches/request");
            double[] g = report(gateway);
            double[] p = report(plain);
            report(plainAsync);
            System.out.printf("%-16s %12.2f %10.2f %10.2f %10.2f %10.2f %14.2f %16.2f%n", "gateway / plain",
                    g[0] / p[0], g[1] / p[1], g[2] / p[2], g[3] / p[3], g[4] / p[4], g[5] / p[5], g[6] / p[6]);
        } finally {
            server.stop();
        }
    }

    /** Every client sends {@code perClient} requests to the side's endpoint; the round ends when the last is done. */
    private static void round(HttpGatewayBenchmark.Client[] clients, int perClient, Side side) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CyclicBarrier start = new CyclicBarrier(clients.length + 1);
        long[][] latencies = new long[clients.length][perClient];
        Thread[] threads = new Thread[clients.length];
        Exception[] failures = new Exception[clients.length];
        for (int c = 0; c < clients.length; c++) {
            int index = c;
            HttpGatewayBenchmark.Client client = clients[c];
            HttpRequest request = side.endpoint.apply(client);
            threads[c] = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perClient; i++) {
                        long sent = System.nanoTime();
                        client.send(request);
                        latencies[index][i] = System.nanoTime() - sent;
                    }
                } catch (Exception failed) {
                    failures[index] = failed;
                }
            }, "client-" + c);
            threads[c].start();
        }
        start.await();
        long switches = serverSwitches();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(10));
        }
        side.wallNanos += System.nanoTime() - wall;
        side.cpuNanos += os.getProcessCpuTime() - cpu;
        side.serverSwitches += serverSwitches() - switches;
        side.requests += (long) clients.length * perClient;
        for (Exception failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        side.latencies.addAll(Arrays.asList(latencies));
    }

    /** Prints one side; returns requests/s, p50, p90, p99, p99.9, CPU and server thread switches per request. */
    private static double[] report(Side side) {
        long[] all = side.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double[] figures = {side.requests / (side.wallNanos / 1e9), percentile(all, 0.50), percentile(all, 0.90),
                percentile(all, 0.99), percentile(all, 0.999), side.cpuNanos / 1000.0 / side.requests,
                (double) side.serverSwitches / side.requests};
        System.out.printf("%-16s %12.0f %10.2f %10.2f %10.2f %10.2f %14.1f %16.2f%n", side.name, figures[0],
                figures[1], figures[2], figures[3], figures[4], figures[5], figures[6]);
        return figures;
    }

    /**
     * @return the voluntary context switches so far of the server's threads: Grizzly's selector and workers and the
     * gateways' timer (thread names as the kernel keeps them, cut to 15 characters); 0 where there is no
     * {@code /proc}
     */
    private static long serverSwitches() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    if (!name.startsWith("grizzly") && !name.startsWith("junction-http")) {
                        continue;
                    }
                    for (String line : Files.readAllLines(thread.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
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

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }
}
