package dev.junction.api.advice;

import dev.junction.api.spi.AdviceProvider;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The advices Junction provides, each configured by a small builder; {@code build()} returns the advice, ready to be
 * given to a flow step ({@code Flow.advice(...)}) or produced as a {@code @Named} CDI bean that endpoint annotations
 * name in {@code adviceChain}.
 *
 * <pre>{@code
 * HandlerAdvice retry = Advices.retry().maxAttempts(4)
 *         .exponentialBackOff(Duration.ofSeconds(1), 5.0, Duration.ofMinutes(1))
 *         .recoveryChannel("failedOrders").build();
 * CircuitBreaker breaker = Advices.circuitBreaker().threshold(2).halfOpenAfter(Duration.ofSeconds(12)).build();
 * }</pre>
 *
 * <p>The advices are implemented by the runtime ({@code junction-impl}), found through {@link ServiceLoader}.
 */
public final class Advices {

    private static volatile AdviceProvider provider;

    private Advices() {
    }

    /** @return a builder of a retry advice: by default 3 attempts, back to back, on any exception */
    public static RetrySpec retry() {
        return new RetrySpec();
    }

    /** @return a builder of a circuit breaker: by default open after 5 consecutive failures, half-open after 1 s */
    public static CircuitBreakerSpec circuitBreaker() {
        return new CircuitBreakerSpec();
    }

    /** @return a builder of a rate limiter: by default 50 messages a second per endpoint, waiting up to 5 s */
    public static RateLimiterSpec rateLimiter() {
        return new RateLimiterSpec();
    }

    /** @return a builder of an advice evaluating expressions after the handling succeeded or failed */
    public static ExpressionAdviceSpec expressions() {
        return new ExpressionAdviceSpec();
    }

    // --- idempotent receiver ---------------------------------------------------------------------------------------

    /** @return a builder of an idempotent receiver: each key handled once; give it a key expression or strategy */
    public static IdempotentReceiverSpec idempotentReceiver() {
        return new IdempotentReceiverSpec();
    }

    // --- end idempotent receiver -----------------------------------------------------------------------------------

    static AdviceProvider provider() {
        AdviceProvider found = provider;
        if (found == null) {
            found = load();
            provider = found;
        }
        return found;
    }

    private static AdviceProvider load() {
        Iterator<AdviceProvider> candidates = ServiceLoader.load(AdviceProvider.class,
                Thread.currentThread().getContextClassLoader()).iterator();
        if (!candidates.hasNext()) {
            candidates = ServiceLoader.load(AdviceProvider.class).iterator();
        }
        if (!candidates.hasNext()) {
            throw new IllegalStateException("JNC-1000 No implementation of the advices was found through"
                    + " ServiceLoader (" + AdviceProvider.class.getName() + "); put dev.junction:junction-impl on the"
                    + " class path");
        }
        return candidates.next();
    }
}
