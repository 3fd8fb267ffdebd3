package dev.junction.impl.endpoint;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands an endpoint's polls to its task executor, one at a time: a trigger firing while the previous poll still
 * waits or runs on the executor is skipped, so a fast trigger in front of a slow executor does not queue an
 * ever-growing backlog of polls.
 *
 * <p>A {@link ThreadPoolExecutor} with a discarding rejection policy may drop a poll without a word; that poll would
 * then wait forever and every later firing would be skipped. So when two firings in a row find the previous poll
 * neither started nor in the pool's queue (one could catch a poll on its way from the queue, or from
 * {@code execute} to a new worker thread; a whole trigger period later it has started), the poll is taken as
 * dropped: it is abandoned (should it run after all, it does nothing) and a new one is handed over.
 */
final class ExecutorPolls {

    private static final System.Logger LOG = System.getLogger(ExecutorPolls.class.getName());

    private final String endpointId;
    private final Executor executor;
    private final AtomicReference<PollTask> pending = new AtomicReference<>();
    private final AtomicLong skippedFirings = new AtomicLong();

    ExecutorPolls(String endpointId, Executor executor) {
        this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Hands the poll to the executor, unless the previous one still waits or runs there.
     *
     * @throws RejectedExecutionException when the executor refuses the poll
     */
    void fire(Runnable poll) {
        PollTask previous = pending.get();
        if (previous != null && !previous.abandonIfDropped()) {
            skippedFirings.incrementAndGet();
            return;
        }
        PollTask task = new PollTask(poll);
        if (!pending.compareAndSet(previous, task)) {
            skippedFirings.incrementAndGet(); // another firing got there first
            return;
        }
        if (previous != null) {
            LOG.log(Level.WARNING, () -> "The task executor of endpoint '" + endpointId + "' dropped a poll without"
                    + " running or rejecting it (a discarding rejection policy?); polling again");
        }
        try {
            executor.execute(task);
        } catch (RuntimeException refused) {
            pending.compareAndSet(task, null);
            throw refused;
        }
    }

    /** @return how many firings were skipped because the previous poll had not finished on the executor */
    long skippedFirings() {
        return skippedFirings.get();
    }

    private final class PollTask implements Runnable {
        private static final int WAITING = 0;
        private static final int RUNNING = 1;
        private static final int ABANDONED = 2;

        private final Runnable poll;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        /** Firings that found this poll neither started nor queued; firings of one endpoint never overlap. */
        private volatile int unseenFirings;

        PollTask(Runnable poll) {
            this.poll = poll;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(WAITING, RUNNING)) {
                return; // given up as dropped, and a newer poll was handed over
            }
            try {
                poll.run();
            } finally {
                pending.compareAndSet(this, null);
            }
        }

        /** @return whether this poll was dropped by its executor, and is now abandoned */
        boolean abandonIfDropped() {
            if (!(executor instanceof ThreadPoolExecutor pool) || state.get() != WAITING || pool.isShutdown()
                    || pool.getQueue().contains(this)) {
                return false;
            }
            unseenFirings++;
            return unseenFirings >= 2 && state.compareAndSet(WAITING, ABANDONED);
        }
    }
}
