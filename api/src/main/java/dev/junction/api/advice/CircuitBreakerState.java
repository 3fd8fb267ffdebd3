package dev.junction.api.advice;

import java.time.Instant;

/**
 * A snapshot of a circuit breaker's state for one endpoint.
 *
 * @param endpointId          the endpoint
 * @param phase               closed, open or half-open at the time of the snapshot
 * @param consecutiveFailures the failures since the last success
 * @param lastFailure         when the last failure happened, or {@code null} when none did
 */
public record CircuitBreakerState(String endpointId, Phase phase, int consecutiveFailures, Instant lastFailure) {

    /** Where a breaker stands. */
    public enum Phase {
        /** Messages are handled. */
        CLOSED,
        /** Messages fail fast, without being handled. */
        OPEN,
        /** The next message is handled on trial: its outcome closes or opens the breaker. */
        HALF_OPEN
    }
}
