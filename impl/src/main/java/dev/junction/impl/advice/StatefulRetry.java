package dev.junction.impl.advice;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.impl.expression.Expression;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stateful retry bound to one endpoint: a failure is thrown to the caller, which resubmits the message; the
 * resubmission is recognised by its key and its attempts counted. The submission after the last failed attempt is
 * recovered (or fails with the last failure) without being handled. At most {@code maxStates} keys are counted; the
 * least recently used one is forgotten first (its message would start counting again), with a WARNING.
 */
final class StatefulRetry implements HandlerAdvice {

    private static final Logger LOG = RetryAdvice.LOG;

    private final String endpointId;
    private final int maxAttempts;
    private final FailureClassifier classifier;
    private final Recovery recovery;
    private final Expression key;
    private final Map<Object, Attempts> states;

    StatefulRetry(String endpointId, int maxAttempts, FailureClassifier classifier, Recovery recovery, Expression key,
            int maxStates) {
        this.endpointId = endpointId;
        this.maxAttempts = maxAttempts;
        this.classifier = classifier;
        this.recovery = recovery;
        this.key = key;
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Attempts> eldest) {
                if (size() <= maxStates) {
                    return false;
                }
                LOG.log(Level.WARNING, () -> "Retry of endpoint '" + endpointId + "' keeps the attempts of at most "
                        + maxStates + " messages (maxStates) and forgets those of key '" + eldest.getKey() + "' ("
                        + eldest.getValue().count + " failed): a resubmission of it starts counting again");
                return true;
            }
        };
    }

    @Override
    public Object around(Execution execution) throws Exception {
        Message<?> message = execution.message();
        Object id = key.evaluate(message);
        if (id == null) {
            throw new MessageHandlingException(message, "The stateful retry of endpoint '" + endpointId + "' cannot"
                    + " recognise this message: its state key '" + key.getExpressionText() + "' is null");
        }
        Attempts attempts = attemptsOf(id);
        if (attempts.count >= maxAttempts) {
            forget(id);
            LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "', key '" + id + "': every attempt ("
                    + maxAttempts + ") failed; recovering from " + attempts.lastFailure);
            return recovery.recover(message, attempts.lastFailure);
        }
        int current = attempts.count + 1;
        LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "', key '" + id + "': attempt " + current
                + " of " + maxAttempts);
        try {
            Object result = execution.proceed();
            forget(id);
            return result;
        } catch (Exception failure) {
            if (!classifier.retryable(failure)) {
                forget(id);
                throw failure;
            }
            synchronized (attempts) {
                attempts.count = current;
                attempts.lastFailure = failure;
            }
            LOG.log(Level.DEBUG, () -> "Retry of endpoint '" + endpointId + "', key '" + id + "': attempt " + current
                    + " failed, thrown to the caller for a resubmission: " + failure);
            throw failure;
        }
    }

    /** @return how many keys are counted now */
    int stateCount() {
        synchronized (states) {
            return states.size();
        }
    }

    private Attempts attemptsOf(Object id) {
        synchronized (states) {
            return states.computeIfAbsent(id, any -> new Attempts());
        }
    }

    private void forget(Object id) {
        synchronized (states) {
            states.remove(id);
        }
    }

    @Override
    public String toString() {
        return "StatefulRetry[" + endpointId + ", key=" + key.getExpressionText() + "]";
    }

    /** The failed attempts of one key. */
    private static final class Attempts {
        // read without the lock by the next submission, possibly on another thread
        volatile int count;
        volatile Exception lastFailure;
    }
}
