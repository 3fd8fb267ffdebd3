package dev.junction.examples.cafe;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.time.Duration;

/** The advices endpoints of the cafe name in their {@code adviceChain}. */
@Dependent
public class CafeAdvices {

    /**
     * Retries the waiter's delivery (and only that step: not the barista before it) when the pager fails: three
     * attempts in all, 20 ms apart.
     */
    @Produces
    @Named("deliveryRetry")
    @ApplicationScoped
    HandlerAdvice deliveryRetry() {
        return Advices.retry().maxAttempts(3).fixedBackOff(Duration.ofMillis(20)).build();
    }
}
