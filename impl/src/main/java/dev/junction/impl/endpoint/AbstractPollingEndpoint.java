package dev.junction.impl.endpoint;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.impl.channel.QueueBatch;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.source.AutoAcknowledgingFlow;
import dev.junction.impl.support.ErrorHandler;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Base of the endpoints that poll: on each trigger firing, one poll takes up to {@code maxMessagesPerPoll}
 * messages, each handled in turn, inside the poller's advice chain. A failure ends that poll and goes to the error
 * handler; the next firing polls again.
 *
 * <p>A subclass that polls a queue channel may take the messages already waiting several at a time through a
 * {@link QueueBatch} (never more than {@code maxMessagesPerPoll} allows; not with receive advices, which see each
 * receive): they are handled one by one in their order, and those a failure leaves unhandled are the first the
 * next poll handles. Each keeps its place in the channel until its handling begins, so a bounded channel blocks
 * its senders as before.
 *
 * <p>With a task executor, a firing hands the poll to the executor only when no earlier poll is still waiting
 * or running there: a fast trigger in front of a slow executor therefore skips firings instead of queueing an
 * ever-growing backlog of poll tasks.
 *
 * <p>Stopping cancels the schedule and interrupts a scheduled poll that is blocked in a receive (a long receive
 * timeout), on whichever thread it runs, so no message is taken after the stop and no thread stays blocked; a
 * message already received is still handled; messages taken in a batch and not yet handled go back to the head of
 * the channel, in their order; a draining stop of the runtime also waits until every poll, with its advices (a
 * transaction's commit), has returned. A poll still handling its message when the endpoint is stopped and started
 * again ends after that message, so polls of the old and the new start never run side by side.
 */
public abstract class AbstractPollingEndpoint extends AbstractEndpoint {

    private static final System.Logger LOG = System.getLogger(AbstractPollingEndpoint.class.getName());

    private final PollerMetadata poller;
    private final TaskScheduler scheduler;
    private final ErrorHandler errorHandler;
    private final int maxMessagesPerPoll;
    private final List<PollAdvice> adviceChain;
    private final List<ReceiveMessageAdvice> receiveAdvices;
    /** Hands polls to the poller's task executor, or {@code null}: polls run on the scheduler's thread. */
    private final ExecutorPolls executorPolls;
    private volatile ScheduledFuture<?> schedule;
    /** Serialises stop's interrupt with the receiver clearing it, on the rare path where they meet. */
    private final Object interruptLock = new Object();
    /**
     * The thread of the scheduled poll now waiting in a receive, for stop to interrupt. Scheduled polls of one
     * endpoint never overlap (one trigger chain; one poll on the executor at a time), so one slot suffices.
     */
    private final AtomicReference<Thread> receivingThread = new AtomicReference<>();
    /** The poll generation of {@link #pollNow()}, which belongs to no start. */
    private static final int BY_HAND = -1;
    /**
     * Counts starts. A scheduled poll belongs to the start that scheduled it and goes on only while that start is
     * current: a poll still handling its message when the endpoint is stopped and started again ends after that
     * message instead of polling on beside the new start's polls.
     */
    private volatile int generation;
    /** Messages received and not yet handled, and messages received in all; what a draining stop watches. */
    private final AtomicInteger inHandling = new AtomicInteger();
    private final AtomicLong receivedCount = new AtomicLong();
    /**
     * Scheduled polls not yet returned, advices included: a transactional poll commits after its receive, even an
     * empty one, so a stop that returned before it would let the application close the poll's database under it.
     */
    private final AtomicInteger pollsInProgress = new AtomicInteger();
    /** The batch of the current start, or {@code null} when polls receive one message at a time. */
    private volatile QueueBatch batch;

    protected AbstractPollingEndpoint(String id, boolean autoStartup, PollerMetadata poller, TaskScheduler scheduler,
            ErrorHandler errorHandler, int defaultMaxMessagesPerPoll) {
        super(id, autoStartup);
        this.poller = Objects.requireNonNull(poller, "poller");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        this.maxMessagesPerPoll = poller.maxMessagesPerPollOr(defaultMaxMessagesPerPoll);
        this.adviceChain = poller.adviceChain();
        this.receiveAdvices = poller.receiveAdvices();
        this.executorPolls = poller.taskExecutor() == null ? null : new ExecutorPolls(id, poller.taskExecutor());
    }

    @Override
    protected void doStart() {
        int started = ++generation; // under the lifecycle lock: start and stop are serialised
        // each start has a batch of its own: a poll of an earlier start still handling a message cannot take from it
        QueueBatch startBatch = receiveAdvices.isEmpty() ? newBatch() : null;
        batch = startBatch;
        schedule = scheduler.schedule(() -> onTrigger(started, startBatch), poller.trigger());
    }

    @Override
    protected void doStop() {
        ScheduledFuture<?> current = schedule;
        if (current != null) {
            current.cancel(false);
        }
        synchronized (interruptLock) {
            Thread waiting = receivingThread.getAndSet(null);
            if (waiting != null) {
                waiting.interrupt();
            }
        }
        QueueBatch stoppedBatch = batch;
        if (stoppedBatch != null) {
            putBack(stoppedBatch); // at once, so that a restart's polls take these messages before the later ones
        }
    }

    /**
     * @return a new batch through which polls take the messages already waiting several at a time, or {@code null}
     *         (the default) when polls receive one message at a time
     */
    protected QueueBatch newBatch() {
        return null;
    }

    /**
     * Fills the batch of {@link #newBatch()} from what the endpoint polls, waiting as a receive would.
     *
     * @return how many messages the batch took, or {@link QueueBatch#NOT_BATCHED} to receive one message instead
     */
    protected int fill(QueueBatch batch, int max) {
        return QueueBatch.NOT_BATCHED;
    }

    private void putBack(QueueBatch current) {
        int returned = current.putBack();
        if (returned > 0) {
            inHandling.addAndGet(-returned);
        }
    }

    /** @return how many trigger firings were skipped because the previous poll had not finished on the executor */
    long getSkippedFirings() {
        return executorPolls == null ? 0 : executorPolls.skippedFirings();
    }

    /** @return whether the endpoint runs, from the start that scheduled a poll */
    private boolean isCurrent(int started) {
        return isRunning() && generation == started;
    }

    /** @return how many received messages are being handled now or wait in the endpoint's batch */
    int messagesInHandling() {
        return inHandling.get();
    }

    /** @return how many scheduled polls have started and not yet returned, their advices included */
    int pollsInProgress() {
        return pollsInProgress.get();
    }

    /** @return how many messages this endpoint has received since it was created */
    long receivedCount() {
        return receivedCount.get();
    }

    /**
     * @return how many messages wait in what this endpoint polls, when that can be known cheaply (a queue
     *         channel); 0 otherwise
     */
    int pendingMessages() {
        return 0;
    }

    /** @return the poller settings */
    public PollerMetadata getPoller() {
        return poller;
    }

    private void onTrigger(int started, QueueBatch startBatch) {
        if (executorPolls == null) {
            pollReportingErrors(started, startBatch);
            return;
        }
        try {
            executorPolls.fire(() -> pollReportingErrors(started, startBatch));
        } catch (RejectedExecutionException rejected) {
            errorHandler.handleError(new MessagingException(null, "The task executor of endpoint '" + getId()
                    + "' rejected a poll", rejected));
        }
    }

    private void pollReportingErrors(int started, QueueBatch startBatch) {
        if (!isCurrent(started)) {
            return;
        }
        pollsInProgress.incrementAndGet();
        try {
            advised(0, started, startBatch);
        } catch (Exception failure) {
            errorHandler.handleError(failure instanceof MessagingException ? failure
                    : new MessagingException(null, "A poll of endpoint '" + getId() + "' failed: " + failure, failure));
        } catch (Error fatal) {
            LOG.log(Level.ERROR, "A poll of endpoint '" + getId() + "' failed fatally", fatal);
            throw fatal;
        } finally {
            pollsInProgress.decrementAndGet();
        }
    }

    private boolean advised(int index, int started, QueueBatch startBatch) throws Exception {
        if (index == adviceChain.size()) {
            return pollOnce(started, startBatch);
        }
        return adviceChain.get(index).around(() -> advised(index + 1, started, startBatch));
    }

    /**
     * Runs one poll now on the calling thread, outside the trigger, with the advice chain but without the
     * error handler: failures reach the caller. Works whether or not the endpoint is running (an endpoint that is
     * not started automatically can be polled by hand this way), and {@link #stop()} does not interrupt it.
     *
     * @return whether a message was received
     */
    public boolean pollNow() throws Exception {
        return advised(0, BY_HAND, batch);
    }

    /**
     * @param started    the start whose schedule runs this poll (a stop or a restart ends the poll after its current
     *                   message), or {@link #BY_HAND} for a caller of pollNow (which a stop does not end)
     * @param startBatch the batch of that start, or {@code null}; pollNow takes what it holds but does not fill it
     */
    private boolean pollOnce(int started, QueueBatch startBatch) {
        boolean scheduled = started != BY_HAND;
        int received = 0;
        try {
            while ((!scheduled || isCurrent(started)) && (maxMessagesPerPoll < 0 || received < maxMessagesPerPoll)) {
                Message<?> message = startBatch == null ? null : startBatch.next();
                if (message == null) {
                    message = receiveNext(started, startBatch,
                            maxMessagesPerPoll < 0 ? Integer.MAX_VALUE : maxMessagesPerPoll - received);
                    if (message == null) {
                        break;
                    }
                }
                received++;
                try {
                    handle(message);
                } catch (MessagingException failure) {
                    throw failure.getFailedMessage() != null ? failure
                            : new MessageHandlingException(message, failure.getMessage(), failure);
                } catch (RuntimeException failure) {
                    throw new MessageHandlingException(message, "Endpoint '" + getId() + "' failed to handle the"
                            + " message: " + failure, failure);
                } finally {
                    inHandling.decrementAndGet();
                }
            }
        } finally {
            if (scheduled && startBatch != null && !isCurrent(started)) {
                putBack(startBatch); // stopped while the batch held messages: they wait in the channel again
            }
        }
        return received > 0;
    }

    /**
     * Takes the next message from what the endpoint polls: fills the batch when a scheduled poll has one, else
     * receives one message. Counts what it took as received and in handling.
     *
     * @param allowed how many more messages this poll may take
     * @return the message, or {@code null} when none came
     */
    private Message<?> receiveNext(int started, QueueBatch startBatch, int allowed) {
        if (startBatch != null && started != BY_HAND) {
            int filled = fillUnlessStopped(started, startBatch, allowed);
            if (filled == 0) {
                return null;
            }
            if (filled > 0) {
                inHandling.addAndGet(filled);
                receivedCount.addAndGet(filled);
                return startBatch.next(); // null if a stop put them back meanwhile
            }
        }
        Message<?> message = receiveAdvised(started);
        if (message != null) {
            inHandling.incrementAndGet();
            receivedCount.incrementAndGet();
        }
        return message;
    }

    private Message<?> receiveAdvised(int started) {
        Object source = pollTarget();
        for (ReceiveMessageAdvice advice : receiveAdvices) {
            if (!advice.beforeReceive(source)) {
                return null;
            }
        }
        Message<?> received = started != BY_HAND ? receiveUnlessStopped(started) : receive();
        Message<?> message = received;
        for (ReceiveMessageAdvice advice : receiveAdvices) {
            message = advice.afterReceive(message, source);
        }
        if (message == null && received != null) {
            AutoAcknowledgingFlow.dropped(received); // an advice dropped it: settle it, the flow never will
        }
        return message;
    }

    /**
     * Receives where stop can interrupt the wait: this thread registers, then checks that the endpoint still
     * runs; stop clears the flag, then takes the registration and interrupts. Whatever the interleaving, either
     * the receive does not start or stop interrupts it. The hot path is one volatile write, one read and one CAS.
     */
    private Message<?> receiveUnlessStopped(int started) {
        Thread self = Thread.currentThread();
        receivingThread.set(self);
        try {
            return isCurrent(started) ? receive() : null;
        } finally {
            unregisterReceiver(self);
        }
    }

    /** Fills the batch where stop can interrupt the wait, as {@link #receiveUnlessStopped} receives. */
    private int fillUnlessStopped(int started, QueueBatch startBatch, int allowed) {
        Thread self = Thread.currentThread();
        receivingThread.set(self);
        try {
            return isCurrent(started) ? fill(startBatch, allowed) : 0;
        } finally {
            unregisterReceiver(self);
        }
    }

    private void unregisterReceiver(Thread self) {
        if (!receivingThread.compareAndSet(self, null)) {
            // stop took the registration: wait until its interrupt is delivered, then clear it, so the
            // handling of a message received at that very moment is not interrupted
            synchronized (interruptLock) {
                Thread.interrupted();
            }
        }
    }

    /** @return what is polled: the channel or message source (handed to receive advices) */
    protected abstract Object pollTarget();

    /** @return the next message, or {@code null} when there is none now */
    protected abstract Message<?> receive();

    /** Processes one received message; a failure ends the poll. */
    protected abstract void handle(Message<?> message);
}
