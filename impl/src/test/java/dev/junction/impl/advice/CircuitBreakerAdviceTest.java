package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerOpenException;
import dev.junction.api.advice.CircuitBreakerSpec;
import dev.junction.api.advice.CircuitBreakerState.Phase;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker: closed, open (fails fast), half-open after a while, closed again on a success. The time since
 * the last failure is read from a ticker the tests move, so that a loaded machine cannot change the phases; one test
 * runs on the real clock.
 */
class CircuitBreakerAdviceTest {

    private static final Duration HALF_OPEN_AFTER = Duration.ofMillis(300);

    private final Junction junction = Junction.create();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean serviceDown = new AtomicBoolean(true);
    private final AtomicLong ticker = new AtomicLong();

    @AfterEach
    void close() {
        junction.close();
    }

    private String service(String payload) {
        calls.incrementAndGet();
        if (serviceDown.get()) {
            throw new IllegalStateException("foo");
        }
        return null; // an outbound call that answers nothing
    }

    @Test
    void opensAfterTheThresholdFailsFastThenHalfOpensAndClosesOnASuccess() {
        CircuitBreaker breaker = ticking(Advices.circuitBreaker().threshold(2).halfOpenAfter(HALF_OPEN_AFTER));
        junction.flow("input").handle((String payload) -> service(payload)).id("failer").advice(breaker);
        junction.start();
        assertThat(breaker.state("failer").orElseThrow().phase()).isEqualTo(Phase.CLOSED);
        assertThat(breaker.state("unknown")).isEmpty();

        assertThatThrownBy(this::send).hasRootCauseMessage("foo");
        assertThat(breaker.state("failer")).hasValueSatisfying(state -> {
            assertThat(state.phase()).isEqualTo(Phase.CLOSED);
            assertThat(state.consecutiveFailures()).isOne();
        });
        assertThatThrownBy(this::send).hasRootCauseMessage("foo");
        assertThat(breaker.state("failer").orElseThrow().phase()).isEqualTo(Phase.OPEN);

        // open: fails fast, the service is not called
        assertThatThrownBy(this::send).isInstanceOf(CircuitBreakerOpenException.class)
                .hasMessageStartingWith("JNC-1001 The circuit breaker of endpoint 'failer' is open after 2"
                        + " consecutive failures")
                .satisfies(open -> assertThat(((CircuitBreakerOpenException) open).getFailedMessage()).isNotNull());
        assertThatThrownBy(this::send).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(calls).hasValue(2);

        // half-open: one trial; its failure opens the breaker again at once
        ticker.addAndGet(HALF_OPEN_AFTER.toNanos() - 1);
        assertThat(breaker.state("failer").orElseThrow().phase()).isEqualTo(Phase.OPEN);
        ticker.addAndGet(1);
        assertThat(breaker.state("failer").orElseThrow().phase()).isEqualTo(Phase.HALF_OPEN);
        assertThatThrownBy(this::send).hasRootCauseMessage("foo");
        assertThat(calls).hasValue(3);
        assertThat(breaker.state("failer").orElseThrow().phase()).isEqualTo(Phase.OPEN);
        assertThatThrownBy(this::send).isInstanceOf(CircuitBreakerOpenException.class);

        // half-open again: a success closes it, failures count from zero
        ticker.addAndGet(HALF_OPEN_AFTER.toNanos());
        serviceDown.set(false);
        send();
        assertThat(breaker.state("failer")).hasValueSatisfying(state -> {
            assertThat(state.phase()).isEqualTo(Phase.CLOSED);
            assertThat(state.consecutiveFailures()).isZero();
        });
        serviceDown.set(true);
        assertThatThrownBy(this::send).hasRootCauseMessage("foo");
        assertThat(breaker.state("failer").orElseThrow().phase()).isEqualTo(Phase.CLOSED);
    }

    @Test
    void theReferenceTimelineThresholdTwoHalfOpenAfterTwelveSecondsARequestEveryFiveSeconds() {
        CircuitBreaker breaker = ticking(Advices.circuitBreaker().threshold(2).halfOpenAfter(Duration.ofSeconds(12)));
        junction.flow("input").handle((String payload) -> service(payload)).id("failer").advice(breaker);
        junction.start();
        List<String> outcomes = new ArrayList<>();

        for (int request = 1; request <= 6; request++) {
            ticker.addAndGet(Duration.ofSeconds(5).toNanos());
            try {
                send();
                outcomes.add("handled");
            } catch (CircuitBreakerOpenException open) {
                outcomes.add("open");
            } catch (RuntimeException failed) {
                outcomes.add("failed");
            }
        }

        // 1 and 2 fail; 3 and 4 fail fast; 5 comes 15 s after the last failure: tried, fails; 6 fails fast again
        assertThat(outcomes).containsExactly("failed", "failed", "open", "open", "failed", "open");
        assertThat(calls).hasValue(3);
    }

    @Test
    void oneBreakerKeepsAStateForEachEndpoint() {
        CircuitBreaker breaker = Advices.circuitBreaker().threshold(1).halfOpenAfter(Duration.ofMinutes(10)).build();
        junction.flow("input").handle((String payload) -> service(payload)).id("failer").advice(breaker);
        junction.flow("healthy").handle((String payload) -> null).id("healthy").advice(breaker);
        junction.start();

        assertThatThrownBy(this::send).hasRootCauseMessage("foo");
        assertThatThrownBy(this::send).isInstanceOf(CircuitBreakerOpenException.class);
        junction.channel("healthy").send(Message.of("x"));

        assertThat(breaker.states()).containsOnlyKeys("failer", "healthy");
        assertThat(breaker.states().get("failer").phase()).isEqualTo(Phase.OPEN);
        assertThat(breaker.states().get("healthy").phase()).isEqualTo(Phase.CLOSED);
        assertThat(breaker.states().get("failer").lastFailure()).isNotNull();
    }

    @Test
    void theDefaultsAreFiveFailuresAndOneSecond() {
        assertThat(CircuitBreakerSpec.DEFAULT_THRESHOLD).isEqualTo(5);
        assertThat(CircuitBreakerSpec.DEFAULT_HALF_OPEN_AFTER).isEqualTo(Duration.ofSeconds(1));
        CircuitBreaker breaker = ticking(Advices.circuitBreaker());
        junction.flow("input").handle((String payload) -> service(payload)).id("failer").advice(breaker);
        junction.start();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(this::send).hasRootCauseMessage("foo");
        }
        assertThatThrownBy(this::send).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(calls).hasValue(5);
    }

    @Test
    void onTheRealClockTheBreakerHalfOpensAfterTheDelay() {
        CircuitBreaker breaker = Advices.circuitBreaker().threshold(1).halfOpenAfter(HALF_OPEN_AFTER).build();
        junction.flow("input").handle((String payload) -> service(payload)).id("failer").advice(breaker);
        junction.start();
        long failedAt = System.nanoTime();
        assertThatThrownBy(this::send).hasRootCauseMessage("foo");

        awaitPhase(breaker, Phase.HALF_OPEN);
        assertThat(System.nanoTime() - failedAt).isGreaterThanOrEqualTo(HALF_OPEN_AFTER.toNanos());
        serviceDown.set(false);
        send();
        assertThat(breaker.state("failer").orElseThrow().phase()).isEqualTo(Phase.CLOSED);
        assertThat(calls).hasValue(2);
    }

    @Test
    void invalidSettingsFailWhereTheyAreWritten() {
        assertThatThrownBy(() -> Advices.circuitBreaker().threshold(0)).hasMessageStartingWith("JNC-1007");
        assertThatThrownBy(() -> Advices.circuitBreaker().halfOpenAfter(Duration.ofMillis(-1)))
                .hasMessageStartingWith("JNC-1007");
    }

    private CircuitBreaker ticking(CircuitBreakerSpec spec) {
        return new CircuitBreakerAdvice(spec, Clock.systemUTC(), ticker::get);
    }

    private void send() {
        junction.channel("input").send(Message.of("x"));
    }

    private static void awaitPhase(CircuitBreaker breaker, Phase phase) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> breaker.state("failer").orElseThrow().phase() == phase);
    }
}
