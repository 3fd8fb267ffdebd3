package dev.junction.impl.scheduling;

import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs tasks at the times a trigger chooses: what pollers and the delayer schedule on. Its shape is that of
 * {@code ManagedScheduledExecutorService.schedule(Runnable, Trigger)}, so in a Jakarta EE container the adapter
 * is a method reference ({@code TaskScheduler scheduler = managedScheduledExecutor::schedule;}); in Java SE use
 * {@link SimpleTaskScheduler}.
 */
@FunctionalInterface
public interface TaskScheduler {

    /**
     * Runs {@code task} at each time {@code trigger} returns, until it returns {@code null} or the returned future
     * is cancelled, which cancels the whole schedule.
     *
     * @return the schedule: {@code getDelay} is the time to the next run; it is done when the trigger has no more
     *         runs (or the schedule was cancelled or failed)
     */
    ScheduledFuture<?> schedule(Runnable task, ZonedTrigger trigger);

    /** Runs {@code task} once, {@code delay} from now (zero or negative: as soon as possible). */
    default ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return schedule(task, new OneShotTrigger(delay));
    }
}
