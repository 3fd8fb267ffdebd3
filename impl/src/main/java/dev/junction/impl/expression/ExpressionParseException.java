package dev.junction.impl.expression;

/** An expression text is not valid Jakarta Expression Language. Thrown when the expression is parsed. */
public class ExpressionParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expressionText;

    ExpressionParseException(String expressionText, String description, Throwable cause) {
        super(description, cause);
        this.expressionText = expressionText;
    }

    /** @return the expression as the user wrote it */
    String getExpressionText() {
        return expressionText;
    }
}
