package dev.junction.impl.handler.support;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.expression.EvaluationRoot;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.invoke.HandlerMethodInvoker;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import dev.junction.impl.source.SupplierMessageSource;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Message sources for inbound channel adapters, over a method or an expression, to be polled on a trigger.
 * Each poll calls the method or evaluates the expression once: {@code null} means no message this time, a
 * returned {@link Message} is sent as it is, anything else becomes the payload of a new message.
 *
 * <p>There is no message yet when a source is polled: a source method takes no parameters, and a source
 * expression sees no {@code payload}, {@code headers} or {@code message}, only the named beans of its parser
 * ({@code inventory.nextRestock()}) and static members ({@code java.time.Instant.now()}).
 */
public final class Sources {

    private static final EvaluationRoot NO_VARIABLES = EvaluationRoot.of(Map.of());

    private Sources() {
    }

    /**
     * A source calling the named method, or the target's one public method when the name is {@code null}.
     *
     * @throws InvalidHandlerMethodException when no single method fits, or it takes parameters or returns nothing
     */
    static MessageSource<Object> method(Object target, String methodName) {
        return method(HandlerMethodInvoker.forTarget(target).methodName(methodName).build());
    }

    /**
     * A source calling a method selected elsewhere (by the CDI extension, for one).
     *
     * @throws InvalidHandlerMethodException when the method takes parameters or returns nothing
     */
    public static MessageSource<Object> method(HandlerMethodInvoker invoker) {
        Objects.requireNonNull(invoker, "invoker");
        if (invoker.getMethod().getParameterCount() > 0) {
            throw new InvalidHandlerMethodException("JNC-0315 " + HandlerMethods.describe(invoker.getMethod())
                    + " takes parameters,"
                    + " but an inbound channel adapter's method is called without a message and must take none.");
        }
        HandlerMethods.requireResult(invoker, "an inbound channel adapter's source");
        return new SupplierMessageSource(new MethodSupplier(invoker));
    }

    /**
     * A source evaluating the expression, parsed now.
     *
     * @throws dev.junction.impl.expression.ExpressionParseException when the text is not valid EL
     */
    static MessageSource<Object> expression(String expressionText, ExpressionParser parser) {
        Expression expression = parser.parse(expressionText, "an inbound channel adapter's source");
        return new SupplierMessageSource(new Supplier<>() {
            @Override
            public Object get() {
                return expression.evaluate(NO_VARIABLES);
            }

            @Override
            public String toString() {
                return expression.getExpressionText();
            }
        });
    }

    /**
     * Calls a parameterless method. The invoker wants a message and attaches it to its failures; since a source
     * has none, a placeholder is passed (the method never sees it) and detached again from failures.
     */
    private record MethodSupplier(HandlerMethodInvoker invoker) implements Supplier<Object> {

        private static final Message<String> PLACEHOLDER = Message.of("no message: a source is being polled");

        @Override
        public Object get() {
            try {
                return invoker.invoke(PLACEHOLDER);
            } catch (MessagingException failure) {
                if (failure.getFailedMessage() != PLACEHOLDER) {
                    throw failure;
                }
                throw new MessagingException(null, failure.getMessage(), failure.getCause());
            }
        }

        @Override
        public String toString() {
            return HandlerMethods.describe(invoker.getMethod());
        }
    }
}
