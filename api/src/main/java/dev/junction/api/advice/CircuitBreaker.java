package dev.junction.api.advice;

import dev.junction.api.management.ManagedOperation;
import java.util.Map;
import java.util.Optional;

/**
 * A circuit breaker advice (see {@link CircuitBreakerSpec}), a read-only view of its state for each endpoint it
 * advises, and a manual reset, for monitoring and management tools. The three are managed operations: a control
 * bus that has the breaker as a component invokes them ({@code @breaker.state('rates')}, {@code @breaker.reset('rates')}).
 */
public interface CircuitBreaker extends HandlerAdvice {

    /** @return the state of the breaker for the endpoint, empty when it advises no endpoint of that id */
    @ManagedOperation(description = "the breaker's state for one endpoint")
    Optional<CircuitBreakerState> state(String endpointId);

    /** @return a snapshot of the state for every endpoint it advises, by endpoint id */
    @ManagedOperation(description = "the breaker's state for every endpoint it advises")
    Map<String, CircuitBreakerState> states();

    /**
     * Closes the breaker of one endpoint now, its failures forgotten, as a success would: for an operator who knows
     * the remote system is back before the half-open delay has passed. A half-open trial in progress still ends as
     * it ends; its outcome counts from the closed state.
     *
     * @return whether the breaker advises an endpoint of that id (nothing is reset otherwise)
     */
    @ManagedOperation(description = "closes the breaker of one endpoint, forgetting its failures")
    boolean reset(String endpointId);
}
