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
import java.util.function.LongSupplier;

/**
 * The circuit breaker of {@link CircuitBreakerSpec}: one {@link EndpointBreaker} for each endpoint it advises, and
 * the read-only view of their states.
 */
final class CircuitBreakerAdvice implements CircuitBreaker {

    private final int threshold;
    private final long halfOpenAfterNanos;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, EndpointBreaker> breakers = new ConcurrentHashMap<>();

    /**
     * @param clock    dates the failures the state view shows
     * @param nanoTime measures the time since the last failure ({@code System::nanoTime})
     */
    CircuitBreakerAdvice(CircuitBreakerSpec spec, Clock clock, LongSupplier nanoTime) {
        this.threshold = spec.getThreshold();
        this.halfOpenAfterNanos = spec.getHalfOpenAfter().toNanos();
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** The endpoint's breaker; an endpoint built again (a restarted application) keeps its breaker. */
    @Override
    public HandlerAdvice forEndpoint(Target target) {
        return breakers.computeIfAbsent(target.endpointId(),
                endpointId -> new EndpointBreaker(endpointId, threshold, halfOpenAfterNanos, clock, nanoTime));
    }

    @Override
    public Object around(Execution execution) throws Exception {
        return breakers.computeIfAbsent(execution.endpointId(),
                endpointId -> new EndpointBreaker(endpointId, threshold, halfOpenAfterNanos, clock, nanoTime)).around(execution);
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
    public boolean reset(String endpointId) {
        EndpointBreaker breaker = breakers.get(endpointId);
        if (breaker == null) {
            return false;
        }
        breaker.reset();
        return true;
    }

    @Override
    public String toString() {
        return "CircuitBreaker[threshold=" + threshold + ", halfOpenAfter=" + halfOpenAfterNanos / 1_000_000 + " ms, "
                + breakers.size() + " endpoints]";
    }
}
