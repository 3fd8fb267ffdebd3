package dev.junction.impl.scheduling;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps a trigger and records what the scheduler tells it, so tests can check the exact run times a schedule
 * chose instead of measuring the wall clock.
 */
final class RecordingTrigger implements ZonedTrigger {

    private final ZonedTrigger delegate;
    /** The time each run was due, in order: the scheduler asks {@code skipRun} right before every run. */
    final List<ZonedDateTime> dueTimes = new CopyOnWriteArrayList<>();
    /** Every previous run the scheduler computed a next run time from, in order. */
    final List<LastExecution> lastExecutions = new CopyOnWriteArrayList<>();

    RecordingTrigger(ZonedTrigger delegate) {
        this.delegate = delegate;
    }

    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        if (lastExecution != null) {
            lastExecutions.add(lastExecution);
        }
        return delegate.getNextRunTime(lastExecution, taskScheduledTime);
    }

    @Override
    public boolean skipRun(LastExecution lastExecution, ZonedDateTime scheduledRunTime) {
        dueTimes.add(scheduledRunTime);
        return delegate.skipRun(lastExecution, scheduledRunTime);
    }

    @Override
    public ZoneId getZoneId() {
        return delegate.getZoneId();
    }

    ZonedDateTime due(int run) {
        return dueTimes.get(run).withZoneSameInstant(ZoneOffset.UTC);
    }

    ZonedDateTime endOf(int run) {
        return lastExecutions.get(run).getRunEnd(ZoneOffset.UTC);
    }
}
