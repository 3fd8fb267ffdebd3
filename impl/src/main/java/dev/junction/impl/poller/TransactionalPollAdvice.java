package dev.junction.impl.poller;

import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.impl.support.ManagerDemarcation;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs each whole poll — the receive and the synchronous handling of every message taken in it — in one JTA
 * transaction: begin, proceed, commit. The transaction is demarcated through a {@link UserTransaction} or a
 * {@link TransactionManager}; in a Jakarta EE server prefer the {@code UserTransaction}: some servers (Payara) enlist
 * their pooled connections only in transactions begun through it. A failure of the poll rolls the transaction
 * back and is rethrown unchanged, so it still reaches the poller's error channel; every write that handlers made
 * through enlisted (XA) resources in that flow is undone.
 *
 * <p>Propagation is {@code REQUIRED}: when the polling thread already has a transaction (a poll run by hand with
 * {@code pollNow()} inside a caller's transaction), the poll joins it instead of beginning its own; a failure then
 * marks that transaction rollback-only and is rethrown, and its owner decides about commit or rollback.
 *
 * <p>A poll whose transaction a handler marked rollback-only without throwing is rolled back and fails with a
 * {@link RollbackException}, so the outcome is never silently lost.
 *
 * <p>What a transaction does not cover: an in-memory queue channel is not a transactional resource, so a message
 * received in a rolled-back poll is not put back (it goes to the error channel with the failure). With
 * {@code maxMessagesPerPoll} other than 1, all messages of one poll share one transaction: one failure undoes the
 * writes of the messages handled before it in that poll. Use {@code maxMessagesPerPoll(1)} for one transaction per
 * message. The time a poll waits in the receive counts against the {@linkplain #timeout() timeout}.
 *
 * <pre>{@code
 * PollerMetadata poller = PollerSpec.fixedDelay(Duration.ofMillis(100)).maxMessagesPerPoll(1)
 *         .advice(TransactionalPollAdvice.of(transactionManager).withTimeout(Duration.ofSeconds(30)))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; one instance may serve many pollers.
 */
public final class TransactionalPollAdvice implements PollAdvice {

    /** Begins, ends and inspects the thread's transaction: a {@code UserTransaction}, or a manager seen as one. */
    private final UserTransaction transactionManager;
    /** The timeout of transactions begun here in whole seconds, or 0 for the transaction manager's default. */
    private final int timeoutSeconds;

    private TransactionalPollAdvice(UserTransaction transactionManager, int timeoutSeconds) {
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        this.timeoutSeconds = timeoutSeconds;
    }

    /** @return an advice demarcating through the transaction manager, with its default timeout */
    public static TransactionalPollAdvice of(TransactionManager transactionManager) {
        return new TransactionalPollAdvice(new ManagerDemarcation(
                Objects.requireNonNull(transactionManager, "transactionManager")), 0);
    }

    /** @return an advice demarcating through the user transaction, with the transaction manager's default timeout */
    public static TransactionalPollAdvice of(UserTransaction userTransaction) {
        return new TransactionalPollAdvice(userTransaction, 0);
    }

    /**
     * @param timeout the timeout of transactions this advice begins; JTA counts whole seconds, so it is rounded up
     *        to the next second; {@code null} for the transaction manager's default
     * @return a copy with that timeout (a joined transaction keeps its own)
     * @throws IllegalArgumentException when the timeout is zero or negative
     */
    public TransactionalPollAdvice withTimeout(Duration timeout) {
        if (timeout == null) {
            return new TransactionalPollAdvice(transactionManager, 0);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("JNC-0212 The transaction timeout must be positive, was " + timeout);
        }
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        return new TransactionalPollAdvice(transactionManager, (int) Math.min(seconds, Integer.MAX_VALUE));
    }

    /** @return the timeout of transactions begun here, or empty for the transaction manager's default */
    public Optional<Duration> timeout() {
        return timeoutSeconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(timeoutSeconds));
    }

    @Override
    public boolean around(Poll poll) throws Exception {
        if (transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return joined(poll);
        }
        begin();
        boolean received;
        try {
            received = poll.proceed();
        } catch (Exception | Error failure) {
            rollbackAfter(failure);
            throw failure;
        }
        if (transactionManager.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
            transactionManager.rollback();
            throw new RollbackException("A handler marked the transaction of the poll rollback-only; it was rolled"
                    + " back");
        }
        transactionManager.commit();
        return received;
    }

    /** REQUIRED: the thread's transaction is used; a failure makes it rollback-only. */
    private boolean joined(Poll poll) throws Exception {
        try {
            return poll.proceed();
        } catch (Exception | Error failure) {
            try {
                transactionManager.setRollbackOnly();
            } catch (IllegalStateException | SystemException cannotMark) {
                failure.addSuppressed(cannotMark);
            }
            throw failure;
        }
    }

    private void begin() throws Exception {
        if (timeoutSeconds == 0) {
            transactionManager.begin();
            return;
        }
        // the timeout applies to transactions this thread begins from now on: set it for this one only
        transactionManager.setTransactionTimeout(timeoutSeconds);
        try {
            transactionManager.begin();
        } finally {
            transactionManager.setTransactionTimeout(0);
        }
    }

    private void rollbackAfter(Throwable failure) {
        try {
            transactionManager.rollback();
        } catch (Exception | Error rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    @Override
    public String toString() {
        return "TransactionalPollAdvice[" + (timeoutSeconds == 0 ? "default timeout" : timeoutSeconds + " s") + "]";
    }
}
