package dev.junction.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting the CPU time the benchmark's JVM spent per operation ({@code cpu.time.norm}, in ns): all
 * of the process's threads (the benchmark's, a consumer's, and also the JIT's and the collector's) over each
 * iteration, divided by the operations measured in it. On a machine that other work keeps busy, throughput measures
 * mostly how much of a core the benchmark was given; CPU time per operation measures what an operation costs, and
 * varies much less with the load. It is a cost, not a speed: two threads that spin while they wait for each other
 * (a queue hand-off) spend CPU time without making progress, and that time counts.
 *
 * <p>Use: {@code java -jar benchmarks.jar ... -prof dev.junction.benchmarks.ProcessCpuProfiler}.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the whole JVM per measured operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = system.getProcessCpuTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = system.getProcessCpuTime() - cpuAtStart;
        long operations = result.getMetadata().getMeasuredOps();
        if (operations <= 0 || cpu < 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.norm", (double) cpu / operations, "ns/op", AggregationPolicy.AVG));
    }
}
