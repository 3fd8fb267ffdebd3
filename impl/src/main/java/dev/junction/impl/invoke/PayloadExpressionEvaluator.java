package dev.junction.impl.invoke;

import dev.junction.api.message.Message;

/**
 * Evaluates the expression of a {@code @Payload("...")} handler parameter against a message, so that the
 * invoker does not depend on an expression language. The expression engine supplies the implementation; the
 * invoker only calls it.
 *
 * <p>The same expression string is passed on every invocation: implementations should parse each distinct
 * expression once and keep the parsed form.
 */
@FunctionalInterface
public interface PayloadExpressionEvaluator {

    /**
     * @param expression   the expression as written in the annotation, never empty
     * @param message      the message being handled
     * @param expectedType the parameter type (for an {@code Optional<T>} parameter: {@code T}); an
     *                     implementation may coerce to it, the invoker converts whatever is still needed
     * @return the value to pass, may be {@code null} (not for a primitive parameter)
     */
    Object evaluate(String expression, Message<?> message, Class<?> expectedType);

    /**
     * Evaluates as {@link #evaluate(String, Message, Class)} does, for an expression used at a known place, which an
     * implementation should name in its failures. By default the place is left out: the invoker names the
     * parameter in failures that are not {@link dev.junction.api.error.MessagingException}s already.
     *
     * @param place where the expression is used: the parameter and its method
     */
    default Object evaluate(String expression, Message<?> message, Class<?> expectedType, String place) {
        return evaluate(expression, message, expectedType);
    }
}
