package dev.junction.impl.advice;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a failure is retried by looking at every exception of its cause chain, since the failure of a
 * handler usually arrives wrapped ({@code MessageHandlingException} caused by the service's own exception).
 */
final class FailureClassifier {

    private final List<Class<? extends Throwable>> retryOn;
    private final List<Class<? extends Throwable>> abortOn;

    /**
     * @param retryOn the types retried; empty: every type
     * @param abortOn the types never retried, which win over {@code retryOn}
     */
    FailureClassifier(List<Class<? extends Throwable>> retryOn, List<Class<? extends Throwable>> abortOn) {
        this.retryOn = List.copyOf(retryOn);
        this.abortOn = List.copyOf(abortOn);
    }

    boolean retryable(Throwable failure) {
        if (inChain(failure, abortOn)) {
            return false;
        }
        return retryOn.isEmpty() || inChain(failure, retryOn);
    }

    private static boolean inChain(Throwable failure, List<Class<? extends Throwable>> types) {
        if (types.isEmpty()) {
            return false;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(current)) {
                    return true;
                }
            }
        }
        return false;
    }
}
