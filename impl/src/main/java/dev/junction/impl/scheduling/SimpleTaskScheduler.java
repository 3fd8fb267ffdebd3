package dev.junction.impl.scheduling;

import dev.junction.impl.support.Timeouts;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java SE {@link TaskScheduler}: owns a small pool of daemon threads named {@code junction-scheduler-N} and
 * shuts it down on {@link #close()}. In a Jakarta EE container, schedule on the container's
 * {@code ManagedScheduledExecutorService} instead.
 *
 * <p>Pollers run their polls on these threads, so a poll that blocks (a long receive timeout) holds one for as
 * long: size the pool for the pollers that may block at the same time, or hand polls off to an executor.
 */
public final class SimpleTaskScheduler extends ExecutorTaskScheduler {

    /** Two threads at least, so that one slow poll does not hold up every other poller; else one per CPU. */
    static final int DEFAULT_POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** How long {@link #close()} waits for runs under way before interrupting them. */
    static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(TaskScheduler.class.getName());
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final ScheduledThreadPoolExecutor pool;
    private final Duration closeTimeout;

    SimpleTaskScheduler() {
        this(DEFAULT_POOL_SIZE);
    }

    public SimpleTaskScheduler(int poolSize) {
        this(poolSize, DEFAULT_CLOSE_TIMEOUT);
    }

    /** @param closeTimeout how long {@link #close()} waits for runs under way before interrupting them */
    SimpleTaskScheduler(int poolSize, Duration closeTimeout) {
        this(validCloseTimeout(closeTimeout), newPool(poolSize)); // arguments checked before a pool exists
    }

    private SimpleTaskScheduler(Duration closeTimeout, ScheduledThreadPoolExecutor pool) {
        super(pool);
        this.pool = pool;
        this.closeTimeout = closeTimeout;
    }

    private static Duration validCloseTimeout(Duration closeTimeout) {
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("JNC-0219 The close timeout must not be negative, was " + closeTimeout);
        }
        return closeTimeout;
    }

    private static ScheduledThreadPoolExecutor newPool(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("JNC-0218 A task scheduler needs at least one thread, was given "
                    + poolSize);
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(poolSize, daemonThreads());
        pool.setRemoveOnCancelPolicy(true); // cancelled far-future runs (hourly cron) must not pile up in the queue
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return pool;
    }

    /** Daemon threads, so that a scheduler nobody closed never keeps the JVM alive. */
    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "junction-scheduler-" + THREAD_NUMBERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Cancels all schedules, then waits up to the close timeout for runs under way to finish and interrupts those
     * still running after it. Idempotent. Not to be called from a scheduled task: it would wait for itself.
     */
    @Override
    public void close() {
        super.close();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Timeouts.toNanos(closeTimeout), TimeUnit.NANOSECONDS)) {
                LOG.log(System.Logger.Level.WARNING,
                        () -> "Scheduled tasks still running " + closeTimeout + " after close; interrupting them");
                pool.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
