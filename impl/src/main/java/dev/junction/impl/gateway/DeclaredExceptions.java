package dev.junction.impl.gateway;

import dev.junction.api.error.MessagingException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Chooses what a synchronous call throws for a failure: the first exception in the failure's cause chain,
 * beneath the messaging wrappers, whose type the method declares in its {@code throws} clause; else the
 * {@link MessagingException} itself. So {@code Receipt pay(Order o) throws PaymentRefused} throws the
 * {@code PaymentRefused} the flow raised, not the wrapper around it.
 */
final class DeclaredExceptions {

    private final Class<?>[] declared;

    DeclaredExceptions(Method method) {
        this.declared = method.getExceptionTypes();
    }

    /** @return the throwable the caller should see */
    Throwable forCaller(MessagingException failure) {
        if (declared.length == 0) {
            return failure;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof MessagingException) {
                continue; // a wrapper of the runtime, never what the application declared
            }
            for (Class<?> type : declared) {
                if (type.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return failure;
    }
}
