package dev.junction.tcp.connection;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a factory's tasks on the executor it was given and knows which have not ended, so that stopping can wait for
 * them: the executor belongs to the caller (a container's work manager, a pool shared with others) and cannot
 * simply be shut down. One per start of a factory.
 */
final class TaskTracker {

    private static final System.Logger LOG = System.getLogger(TaskTracker.class.getName());
    private static final long WAIT_REPORT_SECONDS = 10;

    private final Executor executor;
    private final String owner;
    // How many of this tracker's tasks the current thread is running: stop() called from one of them skips itself.
    private final ThreadLocal<int[]> runningHere = ThreadLocal.withInitial(() -> new int[1]);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taskEnded = lock.newCondition();
    private final Set<Task> unfinished = new HashSet<>(); // guarded by lock
    private boolean closed; // guarded by lock

    TaskTracker(Executor executor, String owner) {
        this.executor = executor;
        this.owner = owner;
    }

    /**
     * @param task     what to run
     * @param onCancel what to release when the task is withdrawn by {@link #close()} before it started
     * @throws RejectedExecutionException when the executor refuses the task or the tracker is closed
     */
    void execute(Runnable task, Runnable onCancel) {
        Task tracked = new Task(task, onCancel);
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException(owner + " is stopping");
            }
            unfinished.add(tracked);
        } finally {
            lock.unlock();
        }
        try {
            executor.execute(tracked);
        } catch (RuntimeException e) {
            // Should a refusing executor run it after all, it must do nothing.
            tracked.state.set(Task.CANCELLED);
            finished(tracked);
            throw e instanceof RejectedExecutionException ? e
                    : new RejectedExecutionException("The executor refused a task of " + owner + ": " + e, e);
        }
    }

    /** Refuses new tasks and withdraws those that have not started: they will do nothing if they ever run. */
    void close() {
        List<Task> pending;
        lock.lock();
        try {
            closed = true;
            pending = new ArrayList<>(unfinished);
        } finally {
            lock.unlock();
        }
        for (Task task : pending) {
            if (task.state.compareAndSet(Task.PENDING, Task.CANCELLED)) {
                try {
                    task.onCancel.run();
                } finally {
                    finished(task);
                }
            }
        }
    }

    /** Waits until every task has ended, except the one the calling thread may be running. */
    void awaitTasks() {
        int own = runningHere.get()[0];
        boolean interrupted = false;
        lock.lock();
        try {
            long reportAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_REPORT_SECONDS);
            while (unfinished.size() > own) {
                long left = reportAt - System.nanoTime();
                if (left <= 0) {
                    LOG.log(Level.WARNING, "{0} is still waiting for {1} task(s) to end (a listener that does not "
                            + "return?)", owner, unfinished.size() - own);
                    reportAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_REPORT_SECONDS);
                    continue;
                }
                try {
                    taskEnded.awaitNanos(left);
                } catch (InterruptedException e) {
                    // Stopping must finish (the sockets are already closed); keep the interrupt for the caller.
                    interrupted = true;
                }
            }
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void finished(Task task) {
        lock.lock();
        try {
            unfinished.remove(task);
            taskEnded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Task implements Runnable {
        static final int PENDING = 0;
        static final int RUNNING = 1;
        static final int CANCELLED = 2;

        final AtomicInteger state = new AtomicInteger(PENDING);
        final Runnable body;
        final Runnable onCancel;

        Task(Runnable body, Runnable onCancel) {
            this.body = body;
            this.onCancel = onCancel;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(PENDING, RUNNING)) {
                return;
            }
            int[] depth = runningHere.get();
            depth[0]++;
            try {
                body.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "A task of " + owner + " failed", e);
            } finally {
                depth[0]--;
                finished(this);
            }
        }
    }
}
