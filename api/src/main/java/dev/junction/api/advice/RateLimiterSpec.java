package dev.junction.api.advice;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds a rate limiter: an endpoint handles at most {@link #limitForPeriod(int)} messages in each
 * {@link #refreshPeriod(Duration)}; a message over the limit waits for the next period's permits up to
 * {@link #timeout(Duration)}, and fails with a {@link RateLimitExceededException} without being handled when none
 * comes in time. One rate limiter shared by several endpoints keeps separate permits for each.
 */
public final class RateLimiterSpec {

    /** The messages handled in one period, when nothing else is given. */
    public static final int DEFAULT_LIMIT_FOR_PERIOD = 50;
    /** The length of a period, when nothing else is given. */
    public static final Duration DEFAULT_REFRESH_PERIOD = Duration.ofSeconds(1);
    /** How long a message over the limit waits for a permit, when nothing else is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private int limitForPeriod = DEFAULT_LIMIT_FOR_PERIOD;
    private Duration refreshPeriod = DEFAULT_REFRESH_PERIOD;
    private Duration timeout = DEFAULT_TIMEOUT;

    RateLimiterSpec() {
    }

    /**
     * @param limit the messages an endpoint handles in one period
     * @throws IllegalArgumentException JNC-1016 when less than 1
     */
    public RateLimiterSpec limitForPeriod(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("JNC-1016 Rate limiter: limitForPeriod (messages handled in one"
                    + " period) must be at least 1, was " + limit);
        }
        this.limitForPeriod = limit;
        return this;
    }

    /**
     * @param period the length of a period, after which the permits are renewed
     * @throws IllegalArgumentException JNC-1016 when not positive
     */
    public RateLimiterSpec refreshPeriod(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("JNC-1016 Rate limiter: refreshPeriod must be positive, was "
                    + period);
        }
        this.refreshPeriod = period;
        return this;
    }

    /**
     * @param timeout how long a message over the limit waits for a permit; zero fails it at once
     * @throws IllegalArgumentException JNC-1016 when negative
     */
    public RateLimiterSpec timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("JNC-1016 Rate limiter: timeout must be zero or more, was "
                    + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** @return the rate limiter, every endpoint starting with a full period's permits */
    public HandlerAdvice build() {
        return Advices.provider().rateLimiter(this);
    }

    public int getLimitForPeriod() {
        return limitForPeriod;
    }

    public Duration getRefreshPeriod() {
        return refreshPeriod;
    }

    public Duration getTimeout() {
        return timeout;
    }
}
