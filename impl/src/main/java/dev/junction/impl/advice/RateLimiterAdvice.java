package dev.junction.impl.advice;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.RateLimitExceededException;
import dev.junction.api.advice.RateLimiterSpec;
import dev.junction.api.error.MessageHandlingException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The rate limiter of {@link RateLimiterSpec}: for each endpoint it advises, {@code limitForPeriod} permits in each
 * period of {@code refreshPeriod}, the periods counted from the endpoint's first message. A message without a permit
 * waits (parked, no lock held) for the next period while that starts within its timeout, else it is refused.
 */
final class RateLimiterAdvice implements HandlerAdvice {

    private final int limit;
    private final long periodNanos;
    private final long timeoutNanos;
    private final RateLimiterSpec spec;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Permits> permits = new ConcurrentHashMap<>();

    /** @param nanoTime the clock periods are measured on ({@code System::nanoTime}) */
    RateLimiterAdvice(RateLimiterSpec spec, LongSupplier nanoTime) {
        this.spec = spec;
        this.limit = spec.getLimitForPeriod();
        this.periodNanos = spec.getRefreshPeriod().toNanos();
        this.timeoutNanos = spec.getTimeout().toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Object around(Execution execution) throws Exception {
        Permits endpoint = permits.computeIfAbsent(execution.endpointId(), id -> new Permits(nanoTime.getAsLong()));
        long deadline = nanoTime.getAsLong() + timeoutNanos;
        while (true) {
            long now = nanoTime.getAsLong();
            long waitNanos = endpoint.tryTake(now);
            if (waitNanos == 0) {
                return execution.proceed();
            }
            if (now + waitNanos > deadline) {
                throw new RateLimitExceededException(execution.message(), execution.endpointId(), limit,
                        spec.getRefreshPeriod(), spec.getTimeout());
            }
            LockSupport.parkNanos(waitNanos);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new MessageHandlingException(execution.message(), "Endpoint '" + execution.endpointId()
                        + "' was interrupted while its rate limiter waited for a permit");
            }
        }
    }

    /** One endpoint's permits in the current period. */
    private final class Permits {
        private long periodStart;
        private int taken;

        Permits(long firstUse) {
            this.periodStart = firstUse;
        }

        /** @return 0 when a permit was taken, else the nanoseconds until the next period starts */
        synchronized long tryTake(long now) {
            long elapsed = now - periodStart;
            if (elapsed >= periodNanos) {
                periodStart = now - elapsed % periodNanos;
                taken = 0;
            }
            if (taken < limit) {
                taken++;
                return 0;
            }
            return Math.max(1, periodStart + periodNanos - now);
        }
    }

    @Override
    public String toString() {
        return "rate limiter (" + limit + " every " + Duration.ofNanos(periodNanos) + ", timeout "
                + Duration.ofNanos(timeoutNanos) + ")";
    }
}
