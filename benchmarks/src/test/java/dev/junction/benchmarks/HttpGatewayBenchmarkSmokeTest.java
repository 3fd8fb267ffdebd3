package dev.junction.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the HTTP benchmark for a fraction of a second in the build's JVM: both endpoints start on one server and
 * answer (each client's set-up checks one answer of each). It measures nothing worth reading.
 */
class HttpGatewayBenchmarkSmokeTest {

    @Test
    void bothEndpointsAnswer() throws RunnerException {
        System.setProperty("jmh.ignoreLock", "true"); // as the other smoke test: measures nothing, runs beside anything
        Options options = new OptionsBuilder()
                .include(HttpGatewayBenchmark.class.getName())
                .mode(Mode.Throughput)
                .threads(2)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).extracting(result -> result.getParams().getBenchmark())
                .containsExactlyInAnyOrder(HttpGatewayBenchmark.class.getName() + ".inboundGateway",
                        HttpGatewayBenchmark.class.getName() + ".plainResource");
        results.forEach(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    /** The interleaved comparison runs a few rounds; each client's set-up checks both answers, each send the status. */
    @Test
    void theInterleavedComparisonRuns() throws Exception {
        HttpGatewayCosts.main(new String[] {"2", "5"});
    }
}
