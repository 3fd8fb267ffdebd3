package dev.junction.impl.handler.support;

import dev.junction.api.message.Message;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.handler.MessageProcessor;
import java.util.Objects;

/**
 * A {@link MessageProcessor} that evaluates one parsed {@link Expression} against each message, with
 * {@code payload}, {@code headers} and {@code message} in scope (and the named beans of the parser that parsed
 * it). The expression is parsed once, by whoever creates this processor; each message only evaluates it.
 *
 * @param <T> the result type; the result is coerced to it by Jakarta EL's rules, a {@code null} result stays
 *            {@code null} for a non-primitive type
 */
final class ExpressionEvaluatingProcessor<T> implements MessageProcessor<T> {

    private final Expression expression;
    private final Class<T> resultType;

    ExpressionEvaluatingProcessor(Expression expression, Class<T> resultType) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.resultType = Objects.requireNonNull(resultType, "resultType");
    }

    /** @return a processor returning the expression's value as it is */
    static ExpressionEvaluatingProcessor<Object> of(Expression expression) {
        return new ExpressionEvaluatingProcessor<>(expression, Object.class);
    }

    /**
     * @throws dev.junction.impl.expression.ExpressionEvaluationException carrying the message when the
     *         evaluation or the coercion fails
     */
    @Override
    public T process(Message<?> message) {
        return expression.evaluate(message, resultType);
    }

    /** @return the expression evaluated for each message */
    Expression getExpression() {
        return expression;
    }

    @Override
    public String toString() {
        return "ExpressionEvaluatingProcessor[" + expression.getExpressionText() + "]";
    }
}
