package dev.junction.impl.scheduling;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.junction.impl.support.Timeouts;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One trigger-driven schedule on a {@link ScheduledExecutorService}: a chain of one-shot runs, each scheduled after
 * the previous one finished, at the time the trigger computes from it. It is also the future handed to the caller,
 * so cancelling it cancels the chain.
 *
 * <p>The future completes when the trigger has no more runs, with the outcome of the last run that was not skipped:
 * {@code null}, or that run's failure. A failing task is logged and its schedule goes on (pollers handle their own
 * errors; this is the safety net that keeps one bad poll from silently stopping a poller for good), except for an
 * {@link Error}, which ends the schedule. A failing trigger or executor ends it too.
 */
final class TriggeredTask implements ScheduledFuture<Object> {

    private static final System.Logger LOG = System.getLogger(TaskScheduler.class.getName());

    private final Runnable task;
    private final ZonedTrigger trigger;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final ZonedDateTime taskScheduledTime;
    private final CompletableFuture<Object> outcome = new CompletableFuture<>();
    private final Object lock = new Object();

    /** The one-shot that runs next; guarded by {@code lock} so a cancel never misses a freshly scheduled run. */
    private ScheduledFuture<?> nextRun;

    // Touched by one run at a time; scheduling the next run hands them over (happens-before) to it.
    private LastRun lastRun;
    private Throwable lastFailure;

    TriggeredTask(Runnable task, ZonedTrigger trigger, ScheduledExecutorService executor, Clock clock) {
        this.task = task;
        this.trigger = trigger;
        this.executor = executor;
        this.clock = clock;
        this.taskScheduledTime = ZonedDateTime.ofInstant(clock.instant(), trigger.getZoneId());
    }

    /** Schedules the first run; a trigger or executor failure here reaches the caller. */
    void start() {
        scheduleOrFinish(trigger.getNextRunTime(null, taskScheduledTime));
    }

    /** Runs {@code action} once the schedule is over, however it ended. */
    void whenDone(Runnable action) {
        outcome.whenComplete((result, failure) -> action.run());
    }

    private void scheduleOrFinish(ZonedDateTime runTime) {
        if (runTime == null) {
            finish();
            return;
        }
        long delayNanos = nanosUntil(runTime);
        synchronized (lock) {
            if (!outcome.isDone()) {
                nextRun = executor.schedule(() -> runAt(runTime), delayNanos, NANOSECONDS);
            }
        }
    }

    private void runAt(ZonedDateTime scheduledTime) {
        if (outcome.isDone()) {
            return; // cancelled while this one-shot was starting
        }
        try {
            runOrSkip(scheduledTime);
            if (lastFailure instanceof Error fatal) {
                outcome.completeExceptionally(fatal);
                return;
            }
            scheduleOrFinish(nextRunTimeAfter(scheduledTime));
        } catch (RuntimeException | Error failure) { // from the trigger or the executor: the task's are caught below
            LOG.log(Level.ERROR, () -> "The schedule of " + task + " by " + trigger + " ends: its next run cannot be scheduled", failure);
            outcome.completeExceptionally(failure);
        }
    }

    private void runOrSkip(ZonedDateTime scheduledTime) {
        Instant due = scheduledTime.toInstant();
        if (trigger.skipRun(lastRun, scheduledTime)) {
            // counted as an empty run, so that the next run time moves on from it instead of repeating this one
            lastRun = LastRun.skipped(due, clock.instant());
            return;
        }
        Instant start = clock.instant();
        lastFailure = runTask();
        lastRun = new LastRun(due, start, clock.instant());
    }

    private Throwable runTask() {
        try {
            task.run();
            return null;
        } catch (Throwable failure) {
            if (outcome.isCancelled()) {
                // most likely the interrupt of cancel(true): expected, not worth an error
                LOG.log(Level.DEBUG, () -> "Cancelled scheduled task " + task + " ended with " + failure);
            } else {
                String then = failure instanceof Error ? "its schedule ends" : "its schedule continues";
                LOG.log(Level.ERROR, () -> "Scheduled task " + task + " failed; " + then, failure);
            }
            return failure;
        }
    }

    /**
     * The trigger's next run time, never the time of the run just done or an earlier one: a run that ended, by the
     * wall clock, no later than it was due (clock adjustments, coarse clocks) makes a cron trigger return that same
     * time again, so the trigger is asked once more as if the run had ended 1 ns after it was due.
     */
    private ZonedDateTime nextRunTimeAfter(ZonedDateTime previous) {
        ZonedDateTime next = trigger.getNextRunTime(lastRun, taskScheduledTime);
        if (next == null || next.isAfter(previous)) {
            return next;
        }
        Instant justAfter = previous.toInstant().plusNanos(1);
        next = trigger.getNextRunTime(lastRun.notEndingBefore(justAfter), taskScheduledTime);
        if (next == null || next.isAfter(previous)) {
            return next;
        }
        throw new IllegalStateException("Trigger " + trigger + " chose " + next + " to follow the run due at "
                + previous + "; a task never runs twice for one time, so its schedule ends");
    }

    private void finish() {
        if (lastFailure == null) {
            outcome.complete(null);
        } else {
            outcome.completeExceptionally(lastFailure);
        }
    }

    private long nanosUntil(ZonedDateTime runTime) {
        Duration delay = Duration.between(clock.instant(), runTime.toInstant());
        return delay.isNegative() ? 0 : Timeouts.toNanos(delay);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        synchronized (lock) {
            // outcome.cancel is false when the schedule finished concurrently; true again for a second cancel
            if (outcome.isDone() || !outcome.cancel(mayInterruptIfRunning)) {
                return false;
            }
            if (nextRun != null) {
                nextRun.cancel(mayInterruptIfRunning);
            }
            return true;
        }
    }

    @Override
    public boolean isCancelled() {
        return outcome.isCancelled();
    }

    @Override
    public boolean isDone() {
        return outcome.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
        return outcome.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return outcome.get(timeout, unit);
    }

    /** Time to the next run; zero or negative while a run is under way or once the schedule is over. */
    @Override
    public long getDelay(TimeUnit unit) {
        synchronized (lock) {
            return nextRun == null ? 0 : nextRun.getDelay(unit);
        }
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(getDelay(NANOSECONDS), other.getDelay(NANOSECONDS));
    }

    @Override
    public String toString() {
        return "TriggeredTask[task=" + task + ", trigger=" + trigger + ", done=" + outcome.isDone() + "]";
    }
}
