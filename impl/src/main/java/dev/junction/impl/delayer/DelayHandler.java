package dev.junction.impl.delayer;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.management.ManagedOperation;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.support.ChannelResolver;
import dev.junction.impl.support.ManagerDemarcation;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler of a delayer: keeps each message in the message group store, in the group named after the delayer,
 * until its release time, then claims it from the store (so that exactly one runtime sharing the store releases it)
 * and sends it on. Its managed operations, {@link #getDelayedMessageCount()} and
 * {@link #reschedulePersistedMessages()}, are reachable through the control bus as {@code @<delayer id>.handler}.
 *
 * <p><b>Transactions.</b> With a transaction manager, a message arriving inside a transaction is stored as part of
 * it and scheduled when it commits (a rollback schedules nothing and, for an in-memory store, removes it), and each
 * release -- the claim and the flow after the delayer -- is one transaction of its own, so a failed release leaves
 * the message in the store. In a Jakarta EE container ({@link ContainerReleases}) a release begins that transaction
 * through the container's {@code UserTransaction}, in the context captured when the releases first started, not in
 * that of the thread which scheduled it. Without a transaction manager, a failed release puts the message back into
 * the store.
 *
 * <p><b>Failed releases.</b> With an error channel, the failure goes there as an {@link ErrorMessage} and the
 * message leaves the store. Otherwise the release is tried again after the back-off: the first pause, doubled after
 * each further failure, up to the longest pause.
 *
 * <p>Thread-safe.
 */
public final class DelayHandler implements MessageHandler {

    /** The header carrying a stored message's release time (epoch milliseconds); removed when it is released. */
    public static final String RELEASE_AT_HEADER = "junction_delayer_releaseAt";

    private static final System.Logger LOG = System.getLogger(DelayHandler.class.getName());

    private final String id;
    private final MessageGroupStore store;
    private final boolean storeJoinsTransactions;
    private final Expression delayExpression;
    private final Duration defaultDelay;
    private final boolean ignoreExpressionFailures;
    private final TaskScheduler scheduler;
    private final MessageChannel outputChannel;
    private final ChannelResolver channels;
    private final MessageChannel errorChannel;
    /** Finds the caller's transaction, to store within it and schedule the release after its commit. */
    private final TransactionManager transactionManager;
    /** Begins and ends each release's transaction; {@code null} without a transaction manager. */
    private final UserTransaction releaseTransactions;
    private final ContainerReleases containerReleases;
    private final Duration retryDelay;
    private final Duration maxRetryDelay;
    private final Clock clock;

    /** The releases scheduled in this runtime, by message id; an entry stays while its release runs. */
    private final ConcurrentMap<UUID, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    /** How often the release of a message failed in a row. */
    private final ConcurrentMap<UUID, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicInteger releasesInProgress = new AtomicInteger();
    private volatile boolean releasing;
    /** Runs each release: in the container context captured at the first start, or as it is. */
    private volatile Executor releaseContext = Runnable::run;
    private boolean contextCaptured;

    DelayHandler(Delayers.Settings settings) {
        this.id = settings.id();
        this.store = settings.store();
        this.storeJoinsTransactions = settings.storeJoinsTransactions();
        this.delayExpression = settings.delayExpression();
        this.defaultDelay = settings.defaultDelay();
        this.ignoreExpressionFailures = settings.ignoreExpressionFailures();
        this.scheduler = settings.scheduler();
        this.outputChannel = settings.outputChannel();
        this.channels = settings.channels();
        this.errorChannel = settings.errorChannel();
        this.transactionManager = settings.transactionManager();
        this.containerReleases = settings.containerReleases();
        this.releaseTransactions = containerReleases != null ? containerReleases.transactions()
                : transactionManager != null ? new ManagerDemarcation(transactionManager) : null;
        this.retryDelay = settings.retryDelay();
        this.maxRetryDelay = settings.maxRetryDelay();
        this.clock = Clock.systemUTC();
    }

    /** @return the delayer's id, which names the group of its messages in the store */
    public String getId() {
        return id;
    }

    // --- a message arrives --------------------------------------------------------------------------------------

    @Override
    public void handleMessage(Message<?> message) {
        Instant now = clock.instant();
        Instant releaseAt = releaseTime(message, now);
        if (!releaseAt.isAfter(now)) {
            send(message); // nothing to wait for: on the caller's thread, as any other step
            return;
        }
        Message<?> stored = withReleaseTime(message, releaseAt);
        store.addMessagesToGroup(id, stored);
        Transaction transaction = activeTransaction(stored);
        if (transaction == null) {
            schedule(stored);
            return;
        }
        try {
            transaction.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        schedule(stored);
                    } else {
                        forgetRolledBack(stored);
                    }
                }
            });
        } catch (jakarta.transaction.RollbackException markedForRollback) {
            forgetRolledBack(stored); // the transaction will roll back: nothing to schedule
        } catch (SystemException | IllegalStateException failed) {
            throw new MessageHandlingException(message, DelayerRule.RELEASE_FAILED.problem("Delayer '" + id
                    + "' could not join the caller's transaction to schedule the release after commit: " + failed),
                    failed);
        }
    }

    private Instant releaseTime(Message<?> message, Instant now) {
        if (delayExpression == null) {
            return now.plus(defaultDelay);
        }
        try {
            return ReleaseTimes.of(delayExpression.evaluate(message), now, defaultDelay);
        } catch (RuntimeException failed) {
            String what = "Delayer '" + id + "' could not compute the delay of message " + message.getHeaders().getId()
                    + " from '" + delayExpression.getExpressionText() + "': " + failed.getMessage();
            if (!ignoreExpressionFailures) {
                throw new MessageHandlingException(message, DelayerRule.DELAY_NOT_COMPUTED.problem(what + "; fix the"
                        + " expression or the message, or let the delayer apply its default delay"
                        + " (ignoreExpressionFailures(true))"), failed);
            }
            LOG.log(Level.WARNING, DelayerRule.DELAY_NOT_COMPUTED.problem(what + "; the default delay " + defaultDelay
                    + " applies"));
            return now.plus(defaultDelay);
        }
    }

    private Transaction activeTransaction(Message<?> message) {
        if (transactionManager == null) {
            return null;
        }
        try {
            return transactionManager.getStatus() == Status.STATUS_NO_TRANSACTION ? null
                    : transactionManager.getTransaction();
        } catch (SystemException failed) {
            throw new MessageHandlingException(message, DelayerRule.RELEASE_FAILED.problem("Delayer '" + id
                    + "' could not ask the transaction manager for the caller's transaction: " + failed), failed);
        }
    }

    /** A store that does not join transactions (in memory) keeps what a rolled-back caller added: take it out. */
    private void forgetRolledBack(Message<?> stored) {
        if (!storeJoinsTransactions) {
            store.removeMessageFromGroup(id, stored.getHeaders().getId());
        }
    }

    // --- releases -----------------------------------------------------------------------------------------------

    /** Starts scheduling releases, and schedules those of every message in the store. */
    void startReleasing() {
        synchronized (this) {
            if (containerReleases != null && !contextCaptured) {
                // the runtime's start: a context of the application's own, not a sender's
                releaseContext = containerReleases.captureContext();
                contextCaptured = true;
            }
        }
        releasing = true;
        try {
            reschedulePersistedMessages();
        } catch (RuntimeException storeFailed) {
            // the messages stay in the store; an operator reschedules them once it answers again
            LOG.log(Level.ERROR, DelayerRule.RESCHEDULE_FAILED.problem("Delayer '" + id + "' could not read the"
                    + " messages it kept before it started: " + storeFailed.getMessage() + "; they stay in the store:"
                    + " call reschedulePersistedMessages() (control bus: @" + id + ".handler) once the store answers"),
                    storeFailed);
        }
    }

    /** Cancels the scheduled releases; the messages stay in the store, releases under way finish. */
    void stopReleasing() {
        releasing = false;
        scheduled.values().forEach(release -> release.cancel(false));
        scheduled.clear();
    }

    /** @return how many releases are sending right now */
    int releasesInProgress() {
        return releasesInProgress.get();
    }

    /**
     * @return how many messages wait in the store in this delayer's group -- with a store shared by several
     *         runtimes, those of every runtime
     */
    @ManagedOperation(description = "how many messages wait in the delayer's store")
    public int getDelayedMessageCount() {
        return store.messageGroupSize(id);
    }

    /**
     * Schedules the release of every message of the delayer's group that this runtime has not scheduled yet: those
     * another runtime stored, or that were kept while the releases were stopped. A message due already is released
     * at once.
     *
     * @return how many releases it scheduled
     * @throws IllegalStateException JNC-0928 when the delayer's releases endpoint is stopped
     */
    @ManagedOperation(description = "schedules the release of every message in the delayer's store")
    public int reschedulePersistedMessages() {
        if (!releasing) {
            throw new IllegalStateException(DelayerRule.NOT_RELEASING.problem("Delayer '" + id + "' does not release"
                    + " messages now: its endpoint '" + id + ".releases' is stopped; start it, which reschedules"
                    + " every message kept"));
        }
        int count = 0;
        for (Message<?> stored : store.getMessageGroup(id).messages()) {
            if (schedule(stored)) {
                count++;
            }
        }
        return count;
    }

    /** @return whether this call scheduled the release (false: scheduled already, or the releases are stopped) */
    private boolean schedule(Message<?> stored) {
        if (!releasing) {
            return false; // kept in the store: starting the releases schedules it
        }
        boolean[] added = new boolean[1];
        scheduled.computeIfAbsent(stored.getHeaders().getId(), messageId -> {
            added[0] = true;
            return scheduler.schedule(() -> releaseContext.execute(() -> release(stored, false)),
                    Duration.between(clock.instant(),
                    releaseTimeOf(stored)));
        });
        return added[0];
    }

    /**
     * Releases a message due now: claims it from the store, then sends it on.
     *
     * @param claimed whether this runtime holds the message already, out of the store (a failed release that
     *                could not be put back)
     */
    private void release(Message<?> stored, boolean claimed) {
        UUID messageId = stored.getHeaders().getId();
        if (!releasing) {
            return;
        }
        releasesInProgress.incrementAndGet();
        try {
            Runnable retry;
            try {
                retry = releaseTransactions != null ? releaseInTransaction(stored) : releaseAlone(stored, claimed);
            } catch (RuntimeException storeFailed) { // the claim itself failed: the message is still in the store
                retry = () -> retryLater(stored, storeFailed, claimed);
            }
            if (retry == null) {
                scheduled.remove(messageId);
                failures.remove(messageId);
            } else {
                retry.run();
            }
        } finally {
            releasesInProgress.decrementAndGet();
        }
    }

    /** @return {@code null} when done, else what schedules the next attempt */
    private Runnable releaseAlone(Message<?> stored, boolean claimed) {
        if (!claimed && !store.removeMessageFromGroup(id, stored.getHeaders().getId())) {
            return null; // another runtime released it
        }
        Message<?> message = original(stored);
        try {
            send(message);
            return null;
        } catch (RuntimeException failed) {
            if (errorChannel != null && reportedToErrorChannel(message, failed)) {
                return null;
            }
            boolean putBack;
            try {
                store.addMessagesToGroup(id, stored);
                putBack = true;
            } catch (RuntimeException storeFailed) {
                failed.addSuppressed(storeFailed);
                putBack = false; // kept here, out of the store, and tried again
            }
            boolean retryClaimed = !putBack;
            return () -> retryLater(stored, failed, retryClaimed);
        }
    }

    /** @return {@code null} when done, else what schedules the next attempt */
    private Runnable releaseInTransaction(Message<?> stored) {
        Message<?> message = original(stored);
        RuntimeException failure;
        boolean claimed = false;
        try {
            releaseTransactions.begin();
            try {
                claimed = store.removeMessageFromGroup(id, stored.getHeaders().getId());
                if (claimed) {
                    send(message);
                }
                releaseTransactions.commit();
                return null;
            } catch (Exception failed) {
                rollBack(failed);
                throw failed;
            }
        } catch (Exception failed) {
            failure = failed instanceof RuntimeException runtime ? runtime
                    : new MessageDeliveryException(message, "The release transaction failed: " + failed, failed);
        }
        if (claimed && !storeJoinsTransactions) {
            store.addMessagesToGroup(id, stored); // the rollback did not put it back
        }
        if (errorChannel != null && reportedInTransaction(stored, message, failure)) {
            return null;
        }
        return () -> retryLater(stored, failure, false);
    }

    /** Claims the message and sends its failure to the error channel, in one transaction. */
    private boolean reportedInTransaction(Message<?> stored, Message<?> message, RuntimeException failure) {
        boolean claimed = false;
        try {
            releaseTransactions.begin();
            try {
                claimed = store.removeMessageFromGroup(id, stored.getHeaders().getId());
                boolean reported = !claimed || reportedToErrorChannel(message, failure);
                if (reported) {
                    releaseTransactions.commit();
                } else {
                    releaseTransactions.rollback();
                    if (!storeJoinsTransactions) {
                        store.addMessagesToGroup(id, stored); // claimed: the rollback did not put it back
                    }
                }
                return reported;
            } catch (Exception failed) {
                rollBack(failed);
                throw failed;
            }
        } catch (Exception failed) {
            failure.addSuppressed(failed);
            if (claimed && !storeJoinsTransactions) {
                store.addMessagesToGroup(id, stored);
            }
            return false;
        }
    }

    private void rollBack(Exception cause) {
        try {
            if (releaseTransactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                releaseTransactions.rollback();
            }
        } catch (SystemException | RuntimeException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private boolean reportedToErrorChannel(Message<?> message, RuntimeException failure) {
        MessageDeliveryException described = new MessageDeliveryException(message, DelayerRule.RELEASE_FAILED.problem(
                "Delayer '" + id + "' could not release message " + message.getHeaders().getId() + ": " + failure),
                failure);
        try {
            if (errorChannel.send(new ErrorMessage(described, message))) {
                return true;
            }
            failure.addSuppressed(new MessageDeliveryException(message, "the error channel '"
                    + errorChannel.getName() + "' did not accept the error message"));
        } catch (RuntimeException errorFlowFailed) {
            failure.addSuppressed(errorFlowFailed);
        }
        return false;
    }

    private void retryLater(Message<?> stored, RuntimeException failure, boolean claimed) {
        UUID messageId = stored.getHeaders().getId();
        int failed = failures.merge(messageId, 1, Integer::sum);
        Duration pause = pause(failed);
        if (!releasing) {
            scheduled.remove(messageId);
            LOG.log(claimed ? Level.ERROR : Level.WARNING, DelayerRule.RELEASE_FAILED.problem("Delayer '" + id
                    + "' could not release message " + messageId + " and has stopped releasing; "
                    + (claimed ? "it could not be put back into the store either and is lost when this JVM ends"
                            : "it stays in the store until the releases start again")), failure);
            return;
        }
        LOG.log(Level.WARNING, DelayerRule.RELEASE_FAILED.problem("Delayer '" + id + "' could not release message "
                + messageId + " (failure " + failed + "): " + failure + "; it is tried again in " + pause), failure);
        scheduled.put(messageId, scheduler.schedule(() -> releaseContext.execute(() -> release(stored, claimed)),
                pause));
    }

    /** The first pause, doubled after each further failure, never more than the longest. */
    private Duration pause(int failed) {
        Duration pause = retryDelay;
        for (int i = 1; i < failed && pause.compareTo(maxRetryDelay) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : pause;
    }

    // --- sending on ---------------------------------------------------------------------------------------------

    private void send(Message<?> message) {
        MessageChannel target = target(message);
        if (!target.send(message)) {
            throw new MessageDeliveryException(message, "Delayer '" + id + "': channel '" + target.getName()
                    + "' did not accept the message");
        }
    }

    private MessageChannel target(Message<?> message) {
        if (outputChannel != null) {
            return outputChannel;
        }
        Object replyChannel = message.getHeaders().getReplyChannel();
        if (replyChannel instanceof MessageChannel channel) {
            return channel;
        }
        if (replyChannel instanceof String name) {
            return channels.resolve(name);
        }
        throw new DestinationResolutionException(message, "Delayer '" + id + "' ends its flow and message "
                + message.getHeaders().getId() + " has no replyChannel header (a channel or a channel name); add a"
                + " step after the delayer or send the message through a gateway");
    }

    // --- the stored form --------------------------------------------------------------------------------------

    private static Message<?> withReleaseTime(Message<?> message, Instant releaseAt) {
        Map<String, Object> headers = new HashMap<>(message.getHeaders());
        // rounded up to the millisecond the header keeps, so that no message goes on before its time
        long millis = releaseAt.toEpochMilli() + (releaseAt.getNano() % 1_000_000 == 0 ? 0 : 1);
        headers.put(RELEASE_AT_HEADER, millis);
        return restore(message, headers);
    }

    private static Message<?> original(Message<?> stored) {
        Map<String, Object> headers = new HashMap<>(stored.getHeaders());
        headers.remove(RELEASE_AT_HEADER);
        return restore(stored, headers);
    }

    /** The same message (id, timestamp) with other headers. */
    private static Message<?> restore(Message<?> message, Map<String, Object> headers) {
        MessageHeaders original = message.getHeaders();
        return MessageBuilder.restore(message.getPayload(), original.getId(), original.getTimestamp(), headers);
    }

    private static Instant releaseTimeOf(Message<?> stored) {
        Object releaseAt = stored.getHeaders().get(RELEASE_AT_HEADER);
        if (releaseAt instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        return Instant.EPOCH; // stored without a release time (not by a delayer): due now
    }

    @Override
    public String toString() {
        return "DelayHandler[" + id + "]";
    }
}
