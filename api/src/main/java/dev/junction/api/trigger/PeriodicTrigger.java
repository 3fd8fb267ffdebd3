package dev.junction.api.trigger;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Fires every {@code period}, measured either from the end of the previous run (fixed delay, the default: a slow
 * poll never overlaps or piles up) or from the previous run's scheduled start (fixed rate: a steady cadence that
 * catches up after a slow run). The first run comes {@code initialDelay} after the task was scheduled.
 *
 * <p>Immutable; the {@code with...} methods return a new trigger. Use {@link DynamicPeriodicTrigger} for a period
 * that changes at runtime and {@link jakarta.enterprise.concurrent.CronTrigger} for calendar schedules.
 *
 * @param period       time between runs, positive
 * @param initialDelay time from scheduling to the first run, not negative
 * @param fixedRate    {@code true} to measure the period from the previous scheduled start, {@code false} from the
 *                     previous run's end
 */
public record PeriodicTrigger(Duration period, Duration initialDelay, boolean fixedRate) implements ZonedTrigger {

    public PeriodicTrigger {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(initialDelay, "initialDelay");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("JNC-0208 A periodic trigger's period must be positive, was " + period);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("JNC-0209 A periodic trigger's initial delay must not be negative, was "
                    + initialDelay);
        }
    }

    /** Runs {@code period} after the previous run ended; the first run is immediate. */
    public static PeriodicTrigger fixedDelay(Duration period) {
        return new PeriodicTrigger(period, Duration.ZERO, false);
    }

    /** Runs {@code period} after the previous run was due to start; the first run is immediate. */
    public static PeriodicTrigger fixedRate(Duration period) {
        return new PeriodicTrigger(period, Duration.ZERO, true);
    }

    /** {@link #fixedDelay(Duration)} with a poller's period and time unit (MILLISECONDS or SECONDS only). */
    public static PeriodicTrigger fixedDelay(long period, TimeUnit unit) {
        return fixedDelay(toDuration(period, unit));
    }

    /** {@link #fixedRate(Duration)} with a poller's period and time unit (MILLISECONDS or SECONDS only). */
    public static PeriodicTrigger fixedRate(long period, TimeUnit unit) {
        return fixedRate(toDuration(period, unit));
    }

    /** A fixed-delay trigger, the poller default, from a period and a time unit (MILLISECONDS or SECONDS only). */
    public static PeriodicTrigger of(long period, TimeUnit unit) {
        return fixedDelay(period, unit);
    }

    /** This trigger with its first run {@code initialDelay} after scheduling. */
    public PeriodicTrigger withInitialDelay(Duration initialDelay) {
        return new PeriodicTrigger(period, initialDelay, fixedRate);
    }

    /** This trigger with another period. */
    public PeriodicTrigger withPeriod(Duration period) {
        return new PeriodicTrigger(period, initialDelay, fixedRate);
    }

    /** This trigger measuring its period from the scheduled start ({@code true}) or the run's end. */
    public PeriodicTrigger withFixedRate(boolean fixedRate) {
        return new PeriodicTrigger(period, initialDelay, fixedRate);
    }

    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        if (lastExecution == null) {
            return taskScheduledTime.plus(initialDelay);
        }
        ZoneId zone = taskScheduledTime.getZone();
        ZonedDateTime from = fixedRate ? lastExecution.getScheduledStart(zone) : lastExecution.getRunEnd(zone);
        return from.plus(period);
    }

    /**
     * Only the two units a poller's {@code time-unit} allows: coarser schedules (hourly, daily) read better and
     * stay correct across daylight-saving changes as cron expressions, and finer ones are below what a poller
     * can honour.
     */
    static Duration toDuration(long period, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (unit != TimeUnit.MILLISECONDS && unit != TimeUnit.SECONDS) {
            throw new IllegalArgumentException("JNC-0210 A periodic trigger's time unit must be MILLISECONDS or"
                    + " SECONDS, was " + unit + "; use a cron trigger for coarser schedules");
        }
        return Duration.of(period, unit.toChronoUnit());
    }
}
