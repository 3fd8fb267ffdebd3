package dev.junction.impl.handler.support;

import dev.junction.api.handler.MessageSelector;
import dev.junction.api.message.Message;
import dev.junction.impl.invoke.HandlerMethodInvoker;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import java.util.Objects;

/**
 * A {@link MessageSelector} that asks a method: the method returns {@code boolean} (or {@code Boolean}, where
 * {@code null} counts as a rejection, as it does for a selector expression).
 */
final class MethodInvokingSelector implements MessageSelector {

    private final HandlerMethodInvoker invoker;

    /**
     * @throws InvalidHandlerMethodException when the method does not return {@code boolean} or {@code Boolean}
     */
    MethodInvokingSelector(HandlerMethodInvoker invoker) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        Class<?> returned = invoker.getMethod().getReturnType();
        if (returned != boolean.class && returned != Boolean.class) {
            throw new InvalidHandlerMethodException("JNC-0317 " + HandlerMethods.describe(invoker.getMethod())
                    + " returns "
                    + returned.getName() + ", but a filter or selector method must return boolean (true accepts"
                    + " the message). Change the return type, or choose another method.");
        }
    }

    /**
     * @throws dev.junction.api.error.MessageHandlingException when an argument cannot be taken from the message
     *         or the method throws
     */
    @Override
    public boolean accept(Message<?> message) {
        return Boolean.TRUE.equals(invoker.invoke(message));
    }

    /** @return the invoker of the deciding method */
    HandlerMethodInvoker getInvoker() {
        return invoker;
    }

    @Override
    public String toString() {
        return "MethodInvokingSelector[" + HandlerMethods.describe(invoker.getMethod()) + "]";
    }
}
