package dev.junction.api.delayer;

import dev.junction.api.store.MessageGroupStore;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Describes a delayer, the flow step that holds each message until its release time and then sends it on:
 * {@code junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofSeconds(5))).id("cooling")...}.
 *
 * <p><b>The delay.</b> Without an expression every message waits the default delay. A {@link #delayExpression(String)
 * delay expression} (Jakarta EL over {@code payload} and {@code headers}) chooses per message: a number or a numeric
 * text is a delay in milliseconds, a {@link java.time.Duration} a delay, and a {@link java.util.Date}, an
 * {@link java.time.Instant} or an ISO-8601 text ({@code 2030-01-01T10:00:00Z}) the time to release it at. A value of
 * {@code null} means the default delay. A delay of zero or less, or a release time already past, sends the message on
 * at once, on the caller's thread, without storing it.
 *
 * <p><b>Where messages wait.</b> In the {@link #messageStore(MessageGroupStore) message group store}, in the group
 * named after the delayer's endpoint id: in memory by default, in a database with a JDBC store, where they survive a
 * restart and are shared by every runtime using the same delayer id.
 *
 * <p>Every setting has a default; the values are checked when the flow is built, where a problem is reported with
 * the delayer's id. Not thread-safe: a spec is written by the thread declaring the flow.
 */
public final class DelayerSpec {

    /** The first pause before a failed release is tried again: 1 s. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    /** The longest pause between two attempts of a failed release: 1 min. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofMinutes(1);

    private final Duration defaultDelay;
    private String delayExpression;
    private boolean ignoreExpressionFailures = true;
    private MessageGroupStore messageStore;
    private ScheduledExecutorService scheduler;
    private String errorChannel;
    private TransactionManager transactionManager;
    private Duration retryDelay = DEFAULT_RETRY_DELAY;
    private Duration maxRetryDelay = DEFAULT_MAX_RETRY_DELAY;

    private DelayerSpec(Duration defaultDelay) {
        this.defaultDelay = Objects.requireNonNull(defaultDelay, "defaultDelay");
    }

    /**
     * @param defaultDelay how long a message waits when no expression says otherwise; zero: it goes on at once
     * @return a spec with every other setting at its default
     */
    public static DelayerSpec withDefaultDelay(Duration defaultDelay) {
        return new DelayerSpec(defaultDelay);
    }

    /**
     * Computes each message's delay or release time (see the class description), for example
     * {@code headers['delay']} or {@code payload.readyAt}.
     */
    public DelayerSpec delayExpression(String expression) {
        this.delayExpression = Objects.requireNonNull(expression, "expression");
        return this;
    }

    /**
     * What happens when the expression fails or gives a value that is neither a delay nor a time: {@code true}
     * (the default) logs a warning and applies the default delay; {@code false} fails the message, so the caller or
     * the flow's error channel gets the failure.
     */
    public DelayerSpec ignoreExpressionFailures(boolean ignore) {
        this.ignoreExpressionFailures = ignore;
        return this;
    }

    /**
     * Keeps the waiting messages in this store (a JDBC store, for messages that survive a restart); an in-memory
     * store of the delayer's own by default. A delayer with a store of its own must be named with {@code id()}: its
     * id names the group its messages are kept in.
     */
    public DelayerSpec messageStore(MessageGroupStore store) {
        this.messageStore = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * Schedules the releases on this executor (a container's managed scheduled executor, say) instead of the
     * runtime's scheduler. Its owner shuts it down.
     */
    public DelayerSpec scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Sends the failure of a release (the flow after the delayer threw) to this channel as an error message, and the
     * message leaves the store. Without an error channel, a failed release stays in the store and is tried again.
     */
    public DelayerSpec errorChannel(String channelName) {
        this.errorChannel = Objects.requireNonNull(channelName, "channelName");
        return this;
    }

    /**
     * The JTA transaction manager: a message arriving inside a transaction is stored as part of it and scheduled
     * once it commits, and each release runs in a transaction of its own. The runtime's transaction manager by
     * default.
     */
    public DelayerSpec transactionManager(TransactionManager transactionManager) {
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        return this;
    }

    /**
     * The pause before a failed release is tried again: {@code first} after the first failure, doubled after each
     * further one, never more than {@code max}. {@link #DEFAULT_RETRY_DELAY} and {@link #DEFAULT_MAX_RETRY_DELAY}
     * by default.
     */
    public DelayerSpec retryBackOff(Duration first, Duration max) {
        this.retryDelay = Objects.requireNonNull(first, "first");
        this.maxRetryDelay = Objects.requireNonNull(max, "max");
        return this;
    }

    /** @return the delay when no expression says otherwise */
    public Duration getDefaultDelay() {
        return defaultDelay;
    }

    /** @return the delay expression, or {@code null} */
    public String getDelayExpression() {
        return delayExpression;
    }

    /** @return whether an expression failure falls back to the default delay */
    public boolean isIgnoreExpressionFailures() {
        return ignoreExpressionFailures;
    }

    /** @return the store, or {@code null} for the delayer's own in-memory store */
    public MessageGroupStore getMessageStore() {
        return messageStore;
    }

    /** @return the scheduler's executor, or {@code null} for the runtime's scheduler */
    public ScheduledExecutorService getScheduler() {
        return scheduler;
    }

    /** @return the error channel's name, or {@code null} */
    public String getErrorChannel() {
        return errorChannel;
    }

    /** @return the transaction manager, or {@code null} for the runtime's */
    public TransactionManager getTransactionManager() {
        return transactionManager;
    }

    /** @return the first pause before a failed release is tried again */
    public Duration getRetryDelay() {
        return retryDelay;
    }

    /** @return the longest pause between two attempts of a failed release */
    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }
}
