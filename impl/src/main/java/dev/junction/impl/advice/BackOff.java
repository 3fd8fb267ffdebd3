package dev.junction.impl.advice;

import dev.junction.api.advice.RetrySpec;
import java.time.Duration;

/** The pause before each retry: none, fixed, or growing by a multiplier up to a maximum. */
record BackOff(long initialNanos, double multiplier, long maxNanos) {

    static final BackOff NONE = new BackOff(0, 1.0, 0);

    static BackOff of(RetrySpec spec) {
        return switch (spec.getBackOff()) {
            case NONE -> NONE;
            case FIXED, EXPONENTIAL -> new BackOff(nanos(spec.getInitialInterval()), spec.getMultiplier(),
                    nanos(spec.getMaxInterval()));
        };
    }

    /**
     * @param retry 1 for the pause before the second attempt, 2 before the third...
     * @return the pause in nanoseconds
     */
    long pauseNanos(int retry) {
        if (initialNanos == 0) {
            return 0;
        }
        double pause = initialNanos * Math.pow(multiplier, retry - 1);
        return pause >= maxNanos ? maxNanos : (long) pause;
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
