package dev.junction.api.advice;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;

/**
 * The payload of the error message an expression advice sends to its failure channel: the handling's failure (the
 * cause), the message handled and the failure expression's value.
 */
public class ExpressionAdviceException extends MessagingException {

    private static final long serialVersionUID = 1L;

    private final transient Object evaluationResult;

    public ExpressionAdviceException(Message<?> failedMessage, String description, Throwable cause,
            Object evaluationResult) {
        super(failedMessage, description, cause);
        this.evaluationResult = evaluationResult;
    }

    /** @return the failure expression's value */
    public Object getEvaluationResult() {
        return evaluationResult;
    }
}
