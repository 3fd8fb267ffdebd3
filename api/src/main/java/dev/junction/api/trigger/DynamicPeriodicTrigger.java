package dev.junction.api.trigger;

import dev.junction.api.management.ManagedOperation;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link PeriodicTrigger} whose period and fixed-rate flag can change while a poller runs, for example to poll
 * less often while a source is idle. A change applies from the next run time the scheduler asks for: the run
 * already scheduled keeps its time, so shortening a long period takes effect only after that run.
 *
 * <p>Thread-safe: the settings are one immutable {@link PeriodicTrigger} swapped atomically, so a run time is
 * never computed from a period of one setting and a fixed-rate flag of another. The mutators are runtime
 * controls (an advice or the control bus calls them), not configuration.
 */
public final class DynamicPeriodicTrigger implements ZonedTrigger {

    private final AtomicReference<PeriodicTrigger> settings;

    /** A fixed-delay trigger starting with {@code period} and an immediate first run. */
    public DynamicPeriodicTrigger(Duration period) {
        this(PeriodicTrigger.fixedDelay(period));
    }

    /** A trigger starting with the period, initial delay and fixed-rate flag of {@code initialSettings}. */
    public DynamicPeriodicTrigger(PeriodicTrigger initialSettings) {
        this.settings = new AtomicReference<>(Objects.requireNonNull(initialSettings, "initialSettings"));
    }

    /** The settings the next run time will be computed with. */
    public PeriodicTrigger settings() {
        return settings.get();
    }

    @ManagedOperation(description = "the period between runs")
    public Duration period() {
        return settings.get().period();
    }

    public boolean isFixedRate() {
        return settings.get().fixedRate();
    }

    /**
     * Changes the period from the next computed run time on.
     *
     * @throws IllegalArgumentException if {@code period} is not positive (the period is then unchanged)
     */
    @ManagedOperation(description = "changes the period; the next run is scheduled with it")
    public void setPeriod(Duration period) {
        settings.updateAndGet(current -> current.withPeriod(period));
    }

    /** Switches between fixed rate ({@code true}) and fixed delay from the next computed run time on. */
    @ManagedOperation(description = "switches between fixed rate and fixed delay")
    public void setFixedRate(boolean fixedRate) {
        settings.updateAndGet(current -> current.withFixedRate(fixedRate));
    }

    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        return settings.get().getNextRunTime(lastExecution, taskScheduledTime);
    }

    @Override
    public String toString() {
        return "DynamicPeriodicTrigger" + settings.get();
    }
}
