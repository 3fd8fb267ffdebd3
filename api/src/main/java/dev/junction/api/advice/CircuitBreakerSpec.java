package dev.junction.api.advice;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds a circuit breaker: after {@link #threshold(int)} consecutive failures of an endpoint's handling the breaker
 * opens, and every message fails fast with a {@link CircuitBreakerOpenException} without being handled. Once
 * {@link #halfOpenAfter(Duration)} has passed since the last failure it is half-open: one message is handled on
 * trial; its success closes the breaker (failures count from zero again), its failure opens it again at once.
 * One breaker shared by several endpoints keeps a separate state for each.
 */
public final class CircuitBreakerSpec {

    /** The consecutive failures that open the breaker, when none is given. */
    public static final int DEFAULT_THRESHOLD = 5;
    /** How long the breaker stays open after the last failure, when nothing else is given. */
    public static final Duration DEFAULT_HALF_OPEN_AFTER = Duration.ofMillis(1000);

    private int threshold = DEFAULT_THRESHOLD;
    private Duration halfOpenAfter = DEFAULT_HALF_OPEN_AFTER;

    CircuitBreakerSpec() {
    }

    /**
     * @param threshold the consecutive failures that open the breaker
     * @throws IllegalArgumentException JNC-1007 when less than 1
     */
    public CircuitBreakerSpec threshold(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("JNC-1007 Circuit breaker: the threshold (consecutive failures that"
                    + " open it) must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
        return this;
    }

    /**
     * @param halfOpenAfter how long after the last failure an open breaker lets one message through on trial
     * @throws IllegalArgumentException JNC-1007 when negative
     */
    public CircuitBreakerSpec halfOpenAfter(Duration halfOpenAfter) {
        Objects.requireNonNull(halfOpenAfter, "halfOpenAfter");
        if (halfOpenAfter.isNegative()) {
            throw new IllegalArgumentException("JNC-1007 Circuit breaker: halfOpenAfter must be zero or more, was "
                    + halfOpenAfter.toMillis() + " ms");
        }
        this.halfOpenAfter = halfOpenAfter;
        return this;
    }

    /** @return the circuit breaker, closed for every endpoint */
    public CircuitBreaker build() {
        return Advices.provider().circuitBreaker(this);
    }

    public int getThreshold() {
        return threshold;
    }

    public Duration getHalfOpenAfter() {
        return halfOpenAfter;
    }
}
