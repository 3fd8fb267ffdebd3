package dev.junction.api.advice;

import dev.junction.api.message.Message;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Builds a retry advice: the endpoint's handling is attempted again when it fails, up to {@link #maxAttempts(int)}
 * attempts in all, and when every attempt failed the last failure is thrown to the caller or handed to a recovery.
 *
 * <p><b>Stateless</b> (the default): the attempts are made on the caller's thread, pausing between them as the
 * back-off says (none by default: back to back). A back-off holds the thread: with many messages in flight, prefer
 * short pauses or a stateful retry.
 *
 * <p><b>Stateful</b> ({@link #stateKey(String)}): each failure is thrown to the caller, which resubmits the message
 * (a transactional poller rolling back, a broker redelivering); the advice recognises the resubmission by the key
 * the expression computes and counts its attempts. The submission after the last failed attempt goes to the
 * recovery (or fails with the last failure) without being handled again. Counts are kept for at most
 * {@link #maxStates(int)} keys, the least recently used dropped first.
 *
 * <p><b>Which failures are retried</b>: by default every exception. With {@link #retryOn} only those having one of
 * the types in their cause chain; with {@link #abortOn} none having one of those types in their chain (abortOn
 * wins). An exception that is not retried is thrown at once, without recovery.
 */
public final class RetrySpec {

    /** The number of attempts, the first included, when none is given. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** How many resubmitted messages a stateful retry keeps counting, when no bound is given. */
    public static final int DEFAULT_MAX_STATES = 1000;

    /** How the pause between two attempts grows. */
    public enum BackOffKind {
        /** No pause: the attempts follow each other at once. */
        NONE,
        /** The same pause before every retry. */
        FIXED,
        /** A pause multiplied after each retry, up to a maximum. */
        EXPONENTIAL
    }

    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private BackOffKind backOff = BackOffKind.NONE;
    private Duration initialInterval = Duration.ZERO;
    private double multiplier = 1.0;
    private Duration maxInterval = Duration.ZERO;
    private List<Class<? extends Throwable>> retryOn = List.of();
    private List<Class<? extends Throwable>> abortOn = List.of();
    private String recoveryChannel;
    private BiFunction<Message<?>, Throwable, ?> recoverer;
    private String stateKey;
    private int maxStates = DEFAULT_MAX_STATES;

    RetrySpec() {
    }

    /**
     * @param maxAttempts the attempts in all, the first included (1: no retry)
     * @throws IllegalArgumentException JNC-1002 when less than 1
     */
    public RetrySpec maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("JNC-1002 Retry: maxAttempts counts every attempt, the first"
                    + " included, and must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    /**
     * Pauses the same time before every retry.
     *
     * @throws IllegalArgumentException JNC-1003 when the pause is not positive
     */
    public RetrySpec fixedBackOff(Duration interval) {
        requirePositive(interval, "the fixed back-off interval");
        this.backOff = BackOffKind.FIXED;
        this.initialInterval = interval;
        this.multiplier = 1.0;
        this.maxInterval = interval;
        return this;
    }

    /**
     * Pauses {@code initial} before the first retry, then {@code multiplier} times the previous pause, never more
     * than {@code max} ({@code 1 s, 5.0, 60 s}: 1 s, 5 s, 25 s, 60 s, 60 s...).
     *
     * @throws IllegalArgumentException JNC-1003 when {@code initial} is not positive, {@code multiplier} is less than
     *         1 or {@code max} is less than {@code initial}
     */
    public RetrySpec exponentialBackOff(Duration initial, double multiplier, Duration max) {
        requirePositive(initial, "the initial back-off interval");
        Objects.requireNonNull(max, "max");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("JNC-1003 Retry: the back-off multiplier must be a finite number of 1"
                    + " or more, was " + multiplier);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("JNC-1003 Retry: the maximum back-off interval (" + max.toMillis()
                    + " ms) is shorter than the initial one (" + initial.toMillis() + " ms); give a maximum of at"
                    + " least the initial interval");
        }
        this.backOff = BackOffKind.EXPONENTIAL;
        this.initialInterval = initial;
        this.multiplier = multiplier;
        this.maxInterval = max;
        return this;
    }

    /**
     * Retries only failures having one of these types (or a subtype) in their cause chain.
     *
     * @throws IllegalArgumentException JNC-1004 when a type is also in {@link #abortOn}
     */
    @SafeVarargs
    public final RetrySpec retryOn(Class<? extends Throwable>... types) {
        this.retryOn = List.of(types);
        requireDisjoint();
        return this;
    }

    /**
     * Never retries failures having one of these types (or a subtype) in their cause chain.
     *
     * @throws IllegalArgumentException JNC-1004 when a type is also in {@link #retryOn}
     */
    @SafeVarargs
    public final RetrySpec abortOn(Class<? extends Throwable>... types) {
        this.abortOn = List.of(types);
        requireDisjoint();
        return this;
    }

    /**
     * When every attempt failed, sends an {@link dev.junction.api.message.ErrorMessage} (the last failure, the
     * message) to the named channel and lets the endpoint produce no reply.
     *
     * @throws IllegalStateException JNC-1005 when a recovery function was given too
     */
    public RetrySpec recoveryChannel(String channelName) {
        Objects.requireNonNull(channelName, "channelName");
        requireOneRecovery(recoverer == null);
        this.recoveryChannel = channelName;
        return this;
    }

    /**
     * When every attempt failed, the function's value (from the message and the last failure) is the endpoint's
     * result, its reply; {@code null}: no reply.
     *
     * @throws IllegalStateException JNC-1005 when a recovery channel was given too
     */
    public RetrySpec recover(BiFunction<Message<?>, Throwable, ?> recoverer) {
        Objects.requireNonNull(recoverer, "recoverer");
        requireOneRecovery(recoveryChannel == null);
        this.recoverer = recoverer;
        return this;
    }

    /**
     * Makes the retry stateful: the expression ({@code headers['jms_messageId']}, {@code payload.orderId}) computes
     * the key that recognises a resubmitted message.
     *
     * @throws IllegalArgumentException JNC-1006 when the expression is blank
     */
    public RetrySpec stateKey(String expression) {
        Objects.requireNonNull(expression, "expression");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("JNC-1006 Retry: the state key expression is blank; give an"
                    + " expression identifying a resubmitted message, such as headers['messageId']");
        }
        this.stateKey = expression;
        return this;
    }

    /**
     * @param maxStates how many keys a stateful retry keeps counting, the least recently used dropped first
     * @throws IllegalArgumentException JNC-1006 when less than 1
     */
    public RetrySpec maxStates(int maxStates) {
        if (maxStates < 1) {
            throw new IllegalArgumentException("JNC-1006 Retry: maxStates must be at least 1, was " + maxStates);
        }
        this.maxStates = maxStates;
        return this;
    }

    /**
     * @return the advice
     * @throws IllegalStateException JNC-1006 when a stateful retry is given a back-off (the caller's redelivery
     *         paces a stateful retry; the advice never holds the thread then)
     */
    public HandlerAdvice build() {
        if (stateKey != null && backOff != BackOffKind.NONE) {
            throw new IllegalStateException("JNC-1006 Retry: a stateful retry (stateKey '" + stateKey + "') throws"
                    + " each failure to the caller, which paces the resubmissions; remove the back-off, or the state"
                    + " key for a stateless retry");
        }
        return Advices.provider().retry(this);
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public BackOffKind getBackOff() {
        return backOff;
    }

    /** @return the first pause ({@link Duration#ZERO} without back-off) */
    public Duration getInitialInterval() {
        return initialInterval;
    }

    public double getMultiplier() {
        return multiplier;
    }

    /** @return the longest pause ({@link Duration#ZERO} without back-off) */
    public Duration getMaxInterval() {
        return maxInterval;
    }

    /** @return the types retried (empty: all but {@link #getAbortOn()}) */
    public List<Class<? extends Throwable>> getRetryOn() {
        return retryOn;
    }

    public List<Class<? extends Throwable>> getAbortOn() {
        return abortOn;
    }

    /** @return the recovery channel's name, or {@code null} */
    public String getRecoveryChannel() {
        return recoveryChannel;
    }

    /** @return the recovery function, or {@code null} */
    public BiFunction<Message<?>, Throwable, ?> getRecoverer() {
        return recoverer;
    }

    /** @return the state key expression of a stateful retry, or {@code null} for a stateless one */
    public String getStateKey() {
        return stateKey;
    }

    public int getMaxStates() {
        return maxStates;
    }

    private void requireDisjoint() {
        for (Class<? extends Throwable> type : retryOn) {
            if (abortOn.contains(type)) {
                throw new IllegalArgumentException("JNC-1004 Retry: " + type.getName() + " is given both to retryOn"
                        + " and to abortOn; an exception type is either retried or not");
            }
        }
    }

    private static void requireOneRecovery(boolean noOther) {
        if (!noOther) {
            throw new IllegalStateException("JNC-1005 Retry: give either a recovery channel or a recovery function,"
                    + " not both");
        }
    }

    private static void requirePositive(Duration interval, String what) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("JNC-1003 Retry: " + what + " must be positive, was "
                    + interval.toMillis() + " ms; for no pause, give no back-off");
        }
    }
}
