package dev.junction.api.spi;

import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerSpec;
import dev.junction.api.advice.ExpressionAdviceSpec;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.IdempotentReceiverSpec;
import dev.junction.api.advice.RateLimiterSpec;
import dev.junction.api.advice.RetrySpec;

/**
 * Builds the advices of {@link dev.junction.api.advice.Advices}. The runtime registers one implementation in
 * {@code META-INF/services/dev.junction.api.spi.AdviceProvider}; application code does not use this interface.
 * Each method receives a checked specification.
 */
public interface AdviceProvider {

    HandlerAdvice retry(RetrySpec spec);

    CircuitBreaker circuitBreaker(CircuitBreakerSpec spec);

    HandlerAdvice rateLimiter(RateLimiterSpec spec);

    HandlerAdvice expressions(ExpressionAdviceSpec spec);

    // --- idempotent receiver
    HandlerAdvice idempotentReceiver(IdempotentReceiverSpec spec);
}
