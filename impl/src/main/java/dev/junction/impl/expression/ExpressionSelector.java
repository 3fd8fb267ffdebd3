package dev.junction.impl.expression;

import dev.junction.api.handler.MessageSelector;
import dev.junction.api.message.Message;
import java.util.Objects;

/**
 * Accepts the messages for which a boolean expression is true, e.g. {@code payload > 10} or
 * {@code headers['audit'] == true}. A {@code null} result counts as false; a result that is not a boolean is
 * coerced by EL's rules (the string {@code "true"} is true).
 */
public final class ExpressionSelector implements MessageSelector {

    private final Expression expression;

    public ExpressionSelector(Expression expression) {
        this.expression = Objects.requireNonNull(expression, "expression");
    }

    /** @return a selector over an expression parsed by the {@linkplain ExpressionParser#standard() standard} parser */
    static ExpressionSelector of(String expressionText) {
        return new ExpressionSelector(ExpressionParser.standard().parse(expressionText));
    }

    /**
     * @throws ExpressionEvaluationException when the expression cannot be evaluated for the message
     */
    @Override
    public boolean accept(Message<?> message) {
        return expression.evaluate(message, boolean.class);
    }

    /** @return the expression deciding acceptance */
    Expression getExpression() {
        return expression;
    }

    @Override
    public String toString() {
        return "ExpressionSelector[" + expression.getExpressionText() + "]";
    }
}
