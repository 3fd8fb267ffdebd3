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
}
