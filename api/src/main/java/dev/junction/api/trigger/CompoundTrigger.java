package dev.junction.api.trigger;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Two triggers, one in charge at a time: the secondary while one is set, the primary otherwise. This lets a
 * poller leave an immutable schedule (such as an hourly {@link jakarta.enterprise.concurrent.CronTrigger}) for a
 * while, for example to poll every minute until a source yields a message, and return to it afterwards.
 *
 * <p>The secondary is set and cleared at runtime, typically by an advice on the poller thread; like any trigger
 * change it applies from the next run time the scheduler asks for.
 */
public final class CompoundTrigger implements ZonedTrigger {

    private final ZonedTrigger primary;
    private volatile ZonedTrigger secondary;

    public CompoundTrigger(ZonedTrigger primary) {
        this.primary = Objects.requireNonNull(primary, "primary");
    }

    public ZonedTrigger primary() {
        return primary;
    }

    /** The secondary trigger, if one is in charge. */
    public Optional<ZonedTrigger> secondary() {
        return Optional.ofNullable(secondary);
    }

    /** Puts {@code secondary} in charge of the next run times, until {@link #clearSecondary()}. */
    public void setSecondary(ZonedTrigger secondary) {
        this.secondary = Objects.requireNonNull(secondary, "secondary; call clearSecondary() to return to the primary");
    }

    /** Puts the primary trigger back in charge. */
    public void clearSecondary() {
        this.secondary = null;
    }

    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        return inCharge().getNextRunTime(lastExecution, taskScheduledTime);
    }

    @Override
    public boolean skipRun(LastExecution lastExecution, ZonedDateTime scheduledRunTime) {
        return inCharge().skipRun(lastExecution, scheduledRunTime);
    }

    /** The primary's zone: the schedule the application declared, such as a cron expression's time zone. */
    @Override
    public ZoneId getZoneId() {
        return primary.getZoneId();
    }

    private ZonedTrigger inCharge() {
        ZonedTrigger current = secondary; // read once: it may be cleared concurrently
        return current != null ? current : primary;
    }

    @Override
    public String toString() {
        ZonedTrigger current = secondary;
        return "CompoundTrigger[primary=" + primary + (current != null ? ", secondary=" + current : "") + "]";
    }
}
