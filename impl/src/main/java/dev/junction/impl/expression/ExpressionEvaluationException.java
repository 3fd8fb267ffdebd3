package dev.junction.impl.expression;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;

/**
 * Evaluating a valid expression failed: an unknown name, a missing property, a value that cannot be converted
 * to the expected type, or an exception thrown by a method the expression called. Carries the message the
 * expression was evaluated against, when there was one.
 */
public class ExpressionEvaluationException extends MessagingException {

    private static final long serialVersionUID = 1L;

    private final String expressionText;

    public ExpressionEvaluationException(Message<?> failedMessage, String expressionText, String description,
            Throwable cause) {
        super(failedMessage, description, cause);
        this.expressionText = expressionText;
    }

    /** @return the expression as the user wrote it */
    public String getExpressionText() {
        return expressionText;
    }
}
