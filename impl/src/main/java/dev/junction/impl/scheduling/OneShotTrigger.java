package dev.junction.impl.scheduling;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/** Runs once, {@code delay} after scheduling; a zero or negative delay means as soon as possible. */
record OneShotTrigger(Duration delay) implements ZonedTrigger {

    OneShotTrigger {
        Objects.requireNonNull(delay, "delay");
    }

    @Override
    public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
        return lastExecution == null ? taskScheduledTime.plus(delay) : null;
    }
}
