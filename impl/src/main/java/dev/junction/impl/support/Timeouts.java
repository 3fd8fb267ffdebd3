package dev.junction.impl.support;

import java.time.Duration;
import java.util.Objects;

/** Converts API timeouts to the nanosecond values the runtime waits with. */
public final class Timeouts {

    /** A timeout value meaning: wait as long as it takes. */
    public static final long INDEFINITE = -1L;

    private Timeouts() {
    }

    /**
     * @return the timeout in nanoseconds, saturated at {@link Long#MAX_VALUE}
     * @throws IllegalArgumentException for a negative duration
     */
    public static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout must not be null; use the method without a timeout to wait indefinitely");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
