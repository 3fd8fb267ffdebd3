package dev.junction.cdi;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.Trigger;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;

/**
 * Lets a plain Jakarta Concurrency {@link Trigger} (the {@link Date} based contract) drive a poller, whose scheduler
 * speaks {@link ZonedTrigger}: times are converted at the boundary, in the zone of the scheduled time.
 */
final class ZonedTriggerAdapter implements ZonedTrigger {

    private final Trigger trigger;

    private ZonedTriggerAdapter(Trigger trigger) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    /** @return the trigger itself when it is already a {@link ZonedTrigger}, else an adapter */
    static ZonedTrigger of(Trigger trigger) {
        return trigger instanceof ZonedTrigger zoned ? zoned : new ZonedTriggerAdapter(trigger);
    }

    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        Date next = trigger.getNextRunTime(lastExecution, Date.from(taskScheduledTime.toInstant()));
        return next == null ? null : next.toInstant().atZone(taskScheduledTime.getZone());
    }

    @Override
    public Date getNextRunTime(LastExecution lastExecution, Date taskScheduledTime) {
        return trigger.getNextRunTime(lastExecution, taskScheduledTime);
    }

    @Override
    public boolean skipRun(LastExecution lastExecution, ZonedDateTime scheduledRunTime) {
        return trigger.skipRun(lastExecution, Date.from(scheduledRunTime.toInstant()));
    }

    @Override
    public boolean skipRun(LastExecution lastExecution, Date scheduledRunTime) {
        return trigger.skipRun(lastExecution, scheduledRunTime);
    }

    @Override
    public String toString() {
        return "ZonedTriggerAdapter[" + trigger + "]";
    }
}
