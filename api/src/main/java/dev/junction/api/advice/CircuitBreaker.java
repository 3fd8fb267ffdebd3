package dev.junction.api.advice;

import java.util.Map;
import java.util.Optional;

/**
 * A circuit breaker advice (see {@link CircuitBreakerSpec}) and a read-only view of its state for each endpoint it
 * advises, for monitoring and management tools.
 */
public interface CircuitBreaker extends HandlerAdvice {

    /** @return the state of the breaker for the endpoint, empty when it advises no endpoint of that id */
    Optional<CircuitBreakerState> state(String endpointId);

    /** @return a snapshot of the state for every endpoint it advises, by endpoint id */
    Map<String, CircuitBreakerState> states();
}
