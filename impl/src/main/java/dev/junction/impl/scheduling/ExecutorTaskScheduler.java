package dev.junction.impl.scheduling;

import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * A {@link TaskScheduler} on a {@link ScheduledExecutorService} the caller owns. Each trigger-driven schedule is a
 * chain of one-shot runs: the trigger is asked for the next time only after a run has finished, with a
 * {@link jakarta.enterprise.concurrent.LastExecution} describing it, so runs of one schedule never overlap.
 *
 * <p>{@link #close()} cancels the schedules started here but leaves the executor running: its owner shuts it down.
 * A task that throws is logged at ERROR and its schedule continues; see {@link #schedule(Runnable, ZonedTrigger)}.
 */
public class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Set<TriggeredTask> schedules = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private boolean closed; // guarded by lock, so that no schedule slips in after close() looked at the set

    public ExecutorTaskScheduler(ScheduledExecutorService executor) {
        this(executor, Clock.systemUTC());
    }

    /** Tests substitute the clock that run times are measured and compared with. */
    ExecutorTaskScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * <p>A task that throws is logged at ERROR and its schedule continues: pollers handle their own errors, and
     * this safety net keeps one bad run from silently ending a poller. An {@link Error} ends the schedule. When the
     * trigger has no more runs the future completes with the last run's outcome: {@code null} or its exception.
     * {@code skipRun} returning {@code true} skips a run; the next run time is computed as if it had run and
     * finished at once.
     *
     * @throws RejectedExecutionException if this scheduler is closed or the executor refuses the first run
     */
    @Override
    public ScheduledFuture<?> schedule(Runnable task, ZonedTrigger trigger) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(trigger, "trigger");
        TriggeredTask schedule = new TriggeredTask(task, trigger, executor, clock);
        synchronized (lock) {
            if (closed) {
                throw new RejectedExecutionException("The task scheduler is closed; cannot schedule " + task);
            }
            schedules.add(schedule);
        }
        schedule.whenDone(() -> schedules.remove(schedule));
        try {
            schedule.start();
        } catch (RuntimeException | Error failure) {
            schedule.cancel(false);
            throw failure;
        }
        return schedule;
    }

    /** Cancels every schedule started here that is still going (letting runs under way finish). Idempotent. */
    @Override
    public void close() {
        List<TriggeredTask> going;
        synchronized (lock) {
            closed = true;
            going = List.copyOf(schedules);
        }
        going.forEach(schedule -> schedule.cancel(false));
    }
}
