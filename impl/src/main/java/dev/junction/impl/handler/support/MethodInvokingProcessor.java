package dev.junction.impl.handler.support;

import dev.junction.api.message.Message;
import dev.junction.impl.handler.MessageProcessor;
import dev.junction.impl.invoke.HandlerMethodInvoker;
import java.util.Objects;

/**
 * A {@link MessageProcessor} that calls one method of one object with each message: the result is whatever the
 * method returns ({@code null} for a {@code void} method). Argument mapping, conversion and error translation
 * are the {@link HandlerMethodInvoker}'s; this class only adapts it to the handlers.
 *
 * <p>Immutable and thread-safe as far as the target is.
 */
final class MethodInvokingProcessor implements MessageProcessor<Object> {

    private final HandlerMethodInvoker invoker;

    MethodInvokingProcessor(HandlerMethodInvoker invoker) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
    }

    /**
     * @throws dev.junction.api.error.MessageHandlingException when an argument cannot be taken from the message
     *         or the method throws
     */
    @Override
    public Object process(Message<?> message) {
        return invoker.invoke(message);
    }

    /** @return the invoker, which tells the method and the target */
    HandlerMethodInvoker getInvoker() {
        return invoker;
    }

    @Override
    public String toString() {
        return "MethodInvokingProcessor[" + invoker.getMethod().getDeclaringClass().getName() + "."
                + invoker.getMethod().getName() + "]";
    }
}
