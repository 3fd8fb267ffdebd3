package dev.junction.impl.advice;

import dev.junction.api.advice.CircuitBreakerOpenException;
import dev.junction.api.advice.CircuitBreakerState;
import dev.junction.api.advice.CircuitBreakerState.Phase;
import dev.junction.api.advice.HandlerAdvice;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one endpoint. Closed, it counts consecutive failures; at the threshold it opens and refuses
 * messages until {@code halfOpenAfter} has passed since the last failure. Then it is half-open: one message at a time
 * is handled on trial (others still fail fast); a success closes it, a failure opens it again.
 */
final class EndpointBreaker implements HandlerAdvice {

    private static final System.Logger LOG = System.getLogger(CircuitBreakerAdvice.class.getName());

    private final String endpointId;
    private final int threshold;
    private final long halfOpenAfterNanos;
    private final Clock clock;
    private final LongSupplier nanoTime;
    // guarded by this
    private int failures;
    private long lastFailureNanos;
    private Instant lastFailure;
    private boolean trialInFlight;

    EndpointBreaker(String endpointId, int threshold, long halfOpenAfterNanos, Clock clock, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.endpointId = endpointId;
        this.threshold = threshold;
        this.halfOpenAfterNanos = halfOpenAfterNanos;
        this.clock = clock;
    }

    @Override
    public Object around(Execution execution) throws Exception {
        boolean trial = admit(execution);
        Object result;
        try {
            result = execution.proceed();
        } catch (Exception | Error failure) {
            failed(trial, failure);
            throw failure;
        }
        succeeded(trial);
        return result;
    }

    /** @return whether the message is a half-open trial */
    private synchronized boolean admit(Execution execution) {
        if (failures < threshold) {
            return false;
        }
        long sinceLastFailure = nanoTime.getAsLong() - lastFailureNanos;
        if (sinceLastFailure < halfOpenAfterNanos || trialInFlight) {
            Instant halfOpenAt = lastFailure.plusNanos(halfOpenAfterNanos);
            throw new CircuitBreakerOpenException(execution.message(), endpointId, failures, halfOpenAt);
        }
        trialInFlight = true;
        LOG.log(Level.DEBUG, () -> "Circuit breaker of endpoint '" + endpointId + "' is half-open: trying one message");
        return true;
    }

    private synchronized void failed(boolean trial, Throwable failure) {
        if (trial) {
            trialInFlight = false;
        }
        failures++;
        lastFailureNanos = nanoTime.getAsLong();
        lastFailure = clock.instant();
        if (failures == threshold || trial) {
            LOG.log(Level.WARNING, () -> "Circuit breaker of endpoint '" + endpointId + "' opens after " + failures
                    + " consecutive failures, the last: " + failure);
        }
    }

    private synchronized void succeeded(boolean trial) {
        if (trial) {
            trialInFlight = false;
            LOG.log(Level.INFO, () -> "Circuit breaker of endpoint '" + endpointId + "' closes: the trial succeeded");
        }
        failures = 0;
    }

    /** Closes the breaker by hand; a trial in flight keeps its place, so no second trial starts beside it. */
    synchronized void reset() {
        if (failures > 0) {
            LOG.log(Level.INFO, () -> "Circuit breaker of endpoint '" + endpointId + "' closes: reset after "
                    + failures + " consecutive failures");
        }
        failures = 0;
    }

    synchronized CircuitBreakerState state() {
        Phase phase;
        if (failures < threshold) {
            phase = Phase.CLOSED;
        } else if (nanoTime.getAsLong() - lastFailureNanos < halfOpenAfterNanos) {
            phase = Phase.OPEN;
        } else {
            phase = Phase.HALF_OPEN;
        }
        return new CircuitBreakerState(endpointId, phase, failures, lastFailure);
    }

    @Override
    public String toString() {
        return "EndpointBreaker[" + endpointId + ", " + state() + "]";
    }
}
