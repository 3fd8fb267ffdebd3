package dev.junction.impl.expression;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;

/**
 * Evaluating a valid expression failed: an unknown name, a missing property, arithmetic on a value that is no
 * number, a value that cannot be converted to the expected type, or an exception thrown by a method the expression
 * called. Carries the message the expression was evaluated against, when there was one, and says where the
 * expression is used, when its owner said so (see {@link Expression#usedIn(String)}).
 */
public class ExpressionEvaluationException extends MessagingException {

    private static final long serialVersionUID = 1L;

    private final String expressionText;
    private final String place;

    ExpressionEvaluationException(Message<?> failedMessage, String expressionText, String description,
            Throwable cause) {
        this(failedMessage, expressionText, null, description, cause);
    }

    /**
     * @param place where the expression is used ({@code endpoint 'pricer'}), or {@code null} when unknown
     */
    ExpressionEvaluationException(Message<?> failedMessage, String expressionText, String place,
            String description, Throwable cause) {
        super(failedMessage, description, cause);
        this.expressionText = expressionText;
        this.place = place;
    }

    /** @return the expression as the user wrote it */
    String getExpressionText() {
        return expressionText;
    }

    /** @return where the expression is used, as its owner described it, or {@code null} when unknown */
    String getPlace() {
        return place;
    }
}
