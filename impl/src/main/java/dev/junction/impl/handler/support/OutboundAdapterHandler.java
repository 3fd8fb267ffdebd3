package dev.junction.impl.handler.support;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.handler.MessageProcessor;
import dev.junction.impl.invoke.HandlerMethodInvoker;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import java.util.Objects;

/**
 * The outbound channel adapter's handler: hands each message to a method or an expression and produces no
 * reply, whatever headers the message carries.
 *
 * <p>A method must be {@code void}: a method that returns something is refused when the adapter is built, since
 * a silently dropped result is most often a mistake (a service activator was meant). To call such a method and
 * deliberately discard its result, use a service activator whose output channel is {@code nullChannel}. An
 * expression's type is not known before it is evaluated, so an expression's value, if any, is ignored: write
 * expressions that act ({@code audit.record(payload)}), not ones that compute.
 */
final class OutboundAdapterHandler implements MessageHandler {

    private final MessageProcessor<?> action;
    private final String description;

    private OutboundAdapterHandler(MessageProcessor<?> action, String description) {
        this.action = action;
        this.description = description;
    }

    /**
     * @throws InvalidHandlerMethodException when the method returns something
     */
    static OutboundAdapterHandler forMethod(HandlerMethodInvoker invoker) {
        Objects.requireNonNull(invoker, "invoker");
        if (!invoker.isVoid()) {
            throw new InvalidHandlerMethodException("JNC-0318 " + HandlerMethods.describe(invoker.getMethod())
                    + " returns "
                    + invoker.getMethod().getReturnType().getName() + ", but an outbound channel adapter's method must"
                    + " be void: the adapter sends nothing on. Make the method void, or use a service activator (with"
                    + " output channel 'nullChannel' to discard the result on purpose).");
        }
        return new OutboundAdapterHandler(new MethodInvokingProcessor(invoker),
                HandlerMethods.describe(invoker.getMethod()));
    }

    /** An adapter that evaluates the expression for each message and ignores its value. */
    static OutboundAdapterHandler forExpression(Expression expression) {
        return new OutboundAdapterHandler(ExpressionEvaluatingProcessor.of(expression), expression.getExpressionText());
    }

    /**
     * @throws dev.junction.api.error.MessagingException carrying the message when the method or expression fails
     */
    @Override
    public void handleMessage(Message<?> message) {
        action.process(message);
    }

    @Override
    public String toString() {
        return "OutboundAdapterHandler[" + description + "]";
    }
}
