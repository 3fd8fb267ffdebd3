package dev.junction.impl.scheduling;

import jakarta.enterprise.concurrent.LastExecution;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What a scheduler tells a trigger about the previous run: when it was due and when it actually started and
 * ended. Tasks are {@link Runnable}s, so there is no result, and they carry no identity name.
 */
record LastRun(Instant scheduledStart, Instant runStart, Instant runEnd) implements LastExecution {

    /** A run that was skipped at {@code decidedAt}: it counts as an empty run so the schedule moves on. */
    static LastRun skipped(Instant scheduledStart, Instant decidedAt) {
        return new LastRun(scheduledStart, decidedAt, decidedAt);
    }

    /** This run as if it had started and ended no earlier than {@code earliest}. */
    LastRun notEndingBefore(Instant earliest) {
        return new LastRun(scheduledStart, latest(runStart, earliest), latest(runEnd, earliest));
    }

    @Override
    public String getIdentityName() {
        return null;
    }

    @Override
    public Object getResult() {
        return null;
    }

    @Override
    public ZonedDateTime getScheduledStart(ZoneId zone) {
        return ZonedDateTime.ofInstant(scheduledStart, zone);
    }

    @Override
    public ZonedDateTime getRunStart(ZoneId zone) {
        return ZonedDateTime.ofInstant(runStart, zone);
    }

    @Override
    public ZonedDateTime getRunEnd(ZoneId zone) {
        return ZonedDateTime.ofInstant(runEnd, zone);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
