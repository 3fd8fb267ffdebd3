package dev.junction.impl.advice;

import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerSpec;
import dev.junction.api.advice.ExpressionAdviceSpec;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.IdempotentReceiverSpec;
import dev.junction.api.advice.RateLimiterSpec;
import dev.junction.api.advice.RetrySpec;
import dev.junction.api.spi.AdviceProvider;
import java.time.Clock;

/** The runtime's advices, found by {@link dev.junction.api.advice.Advices} through {@code ServiceLoader}. */
public final class DefaultAdviceProvider implements AdviceProvider {

    @Override
    public HandlerAdvice retry(RetrySpec spec) {
        return new RetryAdvice(spec);
    }

    @Override
    public CircuitBreaker circuitBreaker(CircuitBreakerSpec spec) {
        return new CircuitBreakerAdvice(spec, Clock.systemUTC(), System::nanoTime);
    }

    @Override
    public HandlerAdvice rateLimiter(RateLimiterSpec spec) {
        return new RateLimiterAdvice(spec, System::nanoTime);
    }

    @Override
    public HandlerAdvice expressions(ExpressionAdviceSpec spec) {
        return new ExpressionEvaluatingAdvice(spec);
    }

    // --- idempotent receiver
    @Override
    public HandlerAdvice idempotentReceiver(IdempotentReceiverSpec spec) {
        return new IdempotentReceiverAdvice(spec);
    }
}
