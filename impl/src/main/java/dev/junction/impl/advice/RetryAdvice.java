package dev.junction.impl.advice;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.RetrySpec;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The retry advice of {@link RetrySpec}: stateless (attempts on the caller's thread) or stateful (each failure
 * thrown to the caller, the attempts of a resubmitted message counted by key). Logs each attempt at DEBUG on
 * logger {@code dev.junction.impl.advice.RetryAdvice}.
 */
final class RetryAdvice implements HandlerAdvice {

    static final System.Logger LOG = System.getLogger(RetryAdvice.class.getName());

    private final int maxAttempts;
    private final BackOff backOff;
    private final FailureClassifier classifier;
    private final String recoveryChannel;
    private final BiFunction<Message<?>, Throwable, ?> recoverer;
    private final String stateKey;
    private final int maxStates;

    RetryAdvice(RetrySpec spec) {
        this.maxAttempts = spec.getMaxAttempts();
        this.backOff = BackOff.of(spec);
        this.classifier = new FailureClassifier(spec.getRetryOn(), spec.getAbortOn());
        this.recoveryChannel = spec.getRecoveryChannel();
        this.recoverer = spec.getRecoverer();
        this.stateKey = spec.getStateKey();
        this.maxStates = spec.getMaxStates();
    }

    @Override
    public HandlerAdvice forEndpoint(Target target) {
        AdviceContext context = AdviceContext.of(target, this);
        Recovery recovery = recoveryChannel != null
                ? Recovery.toChannel(context.channel(recoveryChannel, "retry advice", "recovery channel"))
                : recoverer != null ? Recovery.with(recoverer) : Recovery.RETHROW;
        if (stateKey == null) {
            return new Stateless(context.endpointId(), recovery);
        }
        return new StatefulRetry(context.endpointId(), maxAttempts, classifier, recovery,
                context.expression(stateKey, "retry advice", "state key expression"), maxStates);
    }

    /** Only the advices this one serves for each endpoint ({@link #forEndpoint}) handle messages. */
    @Override
    public Object around(Execution execution) {
        throw new IllegalStateException(this + " serves each endpoint with an advice of its own: give it to an"
                + " endpoint's advice chain, which asks it for that advice (forEndpoint)");
    }

    @Override
    public String toString() {
        return "RetryAdvice[maxAttempts=" + maxAttempts + ", " + backOff
                + (stateKey == null ? "" : ", stateKey=" + stateKey) + "]";
    }

    /** Every attempt on the caller's thread, pausing in between as the back-off says. */
    private final class Stateless implements HandlerAdvice {
        private final String endpointId;
        private final Recovery recovery;

        Stateless(String endpointId, Recovery recovery) {
            this.endpointId = endpointId;
            this.recovery = recovery;
        }

        @Override
        public Object around(Execution execution) throws Exception {
            Exception last = null;
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                int current = attempt;
                LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "': attempt " + current + " of "
                        + maxAttempts);
                try {
                    return execution.proceed();
                } catch (Exception failure) {
                    if (!classifier.retryable(failure)) {
                        LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "': attempt " + current
                                + " failed with a failure that is not retried: " + failure);
                        throw failure;
                    }
                    last = failure;
                    LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "': attempt " + current
                            + " failed: " + failure);
                    if (attempt < maxAttempts) {
                        pause(execution.message(), backOff.pauseNanos(attempt));
                    }
                }
            }
            Exception lastFailure = last;
            LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "': every attempt (" + maxAttempts
                    + ") failed; recovering from " + lastFailure);
            return recovery.recover(execution.message(), lastFailure);
        }

        private void pause(Message<?> message, long nanos) {
            if (nanos <= 0) {
                return;
            }
            LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "': pausing "
                    + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new MessageHandlingException(message, "The retry of endpoint '" + endpointId + "' was"
                        + " interrupted while pausing between attempts", interrupted);
            }
        }

        @Override
        public String toString() {
            return RetryAdvice.this + " of " + endpointId;
        }
    }
}
