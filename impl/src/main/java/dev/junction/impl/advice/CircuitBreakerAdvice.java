package dev.junction.impl.advice;

import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerSpec;
import dev.junction.api.advice.CircuitBreakerState;
import dev.junction.api.advice.HandlerAdvice;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The circuit breaker of {@link CircuitBreakerSpec}: one {@link EndpointBreaker} for each endpoint it advises, and
 * the read-only view of their states.
 */
final class CircuitBreakerAdvice implements CircuitBreaker, EndpointBoundAdvice {

    private final int threshold;
    private final long halfOpenAfterNanos;
    private final Clock clock;
    private final ConcurrentMap<String, EndpointBreaker> breakers = new ConcurrentHashMap<>();

    CircuitBreakerAdvice(CircuitBreakerSpec spec, Clock clock) {
        this.threshold = spec.getThreshold();
        this.halfOpenAfterNanos = spec.getHalfOpenAfter().toNanos();
        this.clock = clock;
    }

    /** The endpoint's breaker; an endpoint built again (a restarted application) keeps its breaker. */
    @Override
    public HandlerAdvice bindTo(AdviceContext context) {
        return breakers.computeIfAbsent(context.endpointId(),
                endpointId -> new EndpointBreaker(endpointId, threshold, halfOpenAfterNanos, clock));
    }

    @Override
    public Object around(Execution execution) throws Exception {
        return breakers.computeIfAbsent(execution.endpointId(),
                endpointId -> new EndpointBreaker(endpointId, threshold, halfOpenAfterNanos, clock)).around(execution);
    }

    @Override
    public Optional<CircuitBreakerState> state(String endpointId) {
        EndpointBreaker breaker = breakers.get(endpointId);
        return breaker == null ? Optional.empty() : Optional.of(breaker.state());
    }

    @Override
    public Map<String, CircuitBreakerState> states() {
        Map<String, CircuitBreakerState> states = new TreeMap<>();
        breakers.forEach((endpointId, breaker) -> states.put(endpointId, breaker.state()));
        return Collections.unmodifiableMap(states);
    }

    @Override
    public String toString() {
        return "CircuitBreaker[threshold=" + threshold + ", halfOpenAfter=" + halfOpenAfterNanos / 1_000_000 + " ms, "
                + breakers.size() + " endpoints]";
    }
}
