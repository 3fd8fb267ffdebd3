package dev.junction.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark for a fraction of a second inside the build's JVM. It measures nothing worth reading:
 * it proves that each set-up starts (a Camel context missing a component fails only at run time), that each
 * benchmark completes operations without throwing, that every queue group really hands messages over, that
 * every polling consumer really handles each message sent to it, and that every gateway echoes its request (each
 * round-trip set-up checks one reply).
 */
class BenchmarksSmokeTest {

    private static final String PACKAGE = "dev.junction.benchmarks.";

    @Test
    void everyBenchmarkRunsAndEveryQueueGroupAndPollingConsumerMovesMessages() throws RunnerException {
        // JMH's machine-wide lock (/tmp/jmh.lock) guards measurements; this smoke run measures nothing and must
        // pass while a real benchmark or another build's smoke test runs at the same time
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include(DirectSendBenchmark.class.getName())
                .include(QueueHandoffBenchmark.class.getName())
                .include(PollingConsumerBenchmark.class.getName())
                .include(GatewayRoundTripBenchmark.class.getName())
                .include(CdiGatewayRoundTripBenchmark.class.getName())
                .include(CdiDirectSendBenchmark.class.getName())
                .include(CdiPollingConsumerBenchmark.class.getName())
                .include(TcpRoundTripBenchmark.class.getName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Map<String, RunResult> byName = results.stream().collect(Collectors.toMap(
                result -> result.getParams().getBenchmark().substring(PACKAGE.length()), Function.identity()));
        assertThat(byName).containsOnlyKeys(
                "DirectSendBenchmark.junction", "DirectSendBenchmark.spring", "DirectSendBenchmark.camel",
                "DirectSendBenchmark.junctionNewMessage", "DirectSendBenchmark.springNewMessage",
                "DirectSendBenchmark.noChannel", "DirectSendBenchmark.junctionCounted",
                "QueueHandoffBenchmark.junction", "QueueHandoffBenchmark.spring", "QueueHandoffBenchmark.camel",
                "QueueHandoffBenchmark.jdkQueue",
                "PollingConsumerBenchmark.junction", "PollingConsumerBenchmark.spring",
                "PollingConsumerBenchmark.camel", "PollingConsumerBenchmark.jdkThread",
                "GatewayRoundTripBenchmark.junction", "GatewayRoundTripBenchmark.junctionFlow",
                "GatewayRoundTripBenchmark.spring",
                "GatewayRoundTripBenchmark.camel",
                "CdiGatewayRoundTripBenchmark.cdiInjected", "CdiGatewayRoundTripBenchmark.cdiInjectedApplicationScoped",
                "CdiGatewayRoundTripBenchmark.plainJava", "CdiGatewayRoundTripBenchmark.spring",
                "CdiGatewayRoundTripBenchmark.camel",
                "CdiDirectSendBenchmark.junctionCdi", "CdiDirectSendBenchmark.junctionPlain",
                "CdiDirectSendBenchmark.springHandlerBean", "CdiDirectSendBenchmark.springPojo",
                "CdiDirectSendBenchmark.camel",
                "CdiPollingConsumerBenchmark.junctionCdi", "CdiPollingConsumerBenchmark.spring",
                "CdiPollingConsumerBenchmark.camel", "CdiPollingConsumerBenchmark.jdkThread",
                "TcpRoundTripBenchmark.junctionBlocking", "TcpRoundTripBenchmark.junctionPooled",
                "TcpRoundTripBenchmark.junctionNio", "TcpRoundTripBenchmark.junctionNioSelectorPerCore",
                "TcpRoundTripBenchmark.junctionClientRawServer",
                "TcpRoundTripBenchmark.springNet", "TcpRoundTripBenchmark.springNio",
                "TcpRoundTripBenchmark.rawSocket", "TcpRoundTripBenchmark.rawSocketReaderThread");
        byName.forEach((name, result) ->
                assertThat(result.getPrimaryResult().getScore()).as(name + " ops/s").isPositive());
        for (String group : new String[] {"junction", "spring", "camel", "jdkQueue"}) {
            RunResult result = byName.get("QueueHandoffBenchmark." + group);
            assertThat(result.getSecondaryResults().get("received").getScore()).as(group + " hand-offs/s").isPositive();
            assertThat(result.getSecondaryResults().get("sent").getScore()).as(group + " sends/s").isPositive();
        }
        for (String consumer : new String[] {"PollingConsumerBenchmark.junction", "PollingConsumerBenchmark.spring",
                "PollingConsumerBenchmark.camel", "PollingConsumerBenchmark.jdkThread",
                "CdiPollingConsumerBenchmark.junctionCdi", "CdiPollingConsumerBenchmark.spring",
                "CdiPollingConsumerBenchmark.camel", "CdiPollingConsumerBenchmark.jdkThread"}) {
            RunResult result = byName.get(consumer);
            double sent = result.getSecondaryResults().get("sent").getScore();
            assertThat(sent).as(consumer + " sends/s").isPositive();
            // the iteration's tear-down waits for the consumer: every message sent must have been handled
            assertThat(result.getSecondaryResults().get("handled").getScore()).as(consumer + " handled/s")
                    .isEqualTo(sent);
        }
    }

    @Test
    void thePersistentQueueBenchmarkRunsOnH2AndPostgresql() throws RunnerException {
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include(PersistentQueueBenchmark.class.getName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).hasSize(4).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore())
                .as(result.getParams().getBenchmark() + " " + result.getParams().getParam("database") + " ops/s")
                .isPositive());
    }
}
