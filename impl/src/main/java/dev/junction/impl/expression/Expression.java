package dev.junction.impl.expression;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed expression, created by {@link ExpressionParser#parse(String)}: immutable and safe to evaluate from
 * many threads at once, each evaluation against its own variables.
 *
 * <p>Results are converted to the expected type by EL's coercion rules ({@code "42"} to {@code 42}, a number to
 * a {@code String}, ...) with one exception: a {@code null} result stays {@code null} unless the expected type is
 * primitive (then {@code 0} or {@code false}), since in messaging {@code null} means "absent" and EL's
 * {@code null}-to-{@code ""} rule would invent values.
 *
 * <p>Every failure of an evaluation, whatever throws it (EL itself, its arithmetic and coercions, which let
 * {@code NumberFormatException}s and {@code IllegalArgumentException}s through bare, or a method the expression
 * calls), reaches the caller as an {@link ExpressionEvaluationException} naming the expression and, when its owner
 * {@linkplain #usedIn(String) said so}, where it is used. One exception passes as it is: a
 * {@link MessagingException} thrown by a method the expression calls. Such an exception is thrown on purpose, and
 * its type means something to callers and error handlers (a {@code MessageRejectedException}, an
 * {@code ExpressionEvaluationException} of a nested evaluation), so wrapping it would hide what it says.
 */
public final class Expression {

    private final String text;
    private final ValueExpression parsed;
    private final ELResolver resolver;
    private final ExpressionFactory factory;
    private final String place;

    Expression(String text, ValueExpression parsed, ELResolver resolver, ExpressionFactory factory, String place) {
        this.text = text;
        this.parsed = parsed;
        this.resolver = resolver;
        this.factory = factory;
        this.place = place;
    }

    /**
     * Names where the expression is used, so that its failures tell which expression of an application to fix.
     *
     * @param place a phrase naming the owner, read in parentheses after the expression: {@code endpoint 'pricer'},
     *              {@code the payload expression of Orders.place(String)}
     * @return the same expression, sharing this one's parse (nothing is parsed again), used at that place
     */
    public Expression usedIn(String place) {
        return new Expression(text, parsed, resolver, factory, Objects.requireNonNull(place, "place"));
    }

    /** @return where the expression is used, or {@code null} when its owner did not say */
    public String getPlace() {
        return place;
    }

    /** @return the expression as it was written */
    public String getExpressionText() {
        return text;
    }

    /** Evaluates against {@code payload}, {@code headers} and {@code message} of the message. */
    public Object evaluate(Message<?> message) {
        return evaluate(message, Object.class);
    }

    /**
     * Evaluates against {@code payload}, {@code headers} and {@code message} of the message.
     *
     * @throws ExpressionEvaluationException carrying the message when evaluation or conversion fails
     */
    public <T> T evaluate(Message<?> message, Class<T> expectedType) {
        return evaluate(new MessageRoot(message), expectedType, message);
    }

    /** Evaluates with each map entry as a top-level name. */
    Object evaluate(Map<String, ?> variables) {
        return evaluate(new MapRoot(variables), Object.class, null);
    }

    /** Evaluates with each map entry as a top-level name. */
    <T> T evaluate(Map<String, ?> variables, Class<T> expectedType) {
        return evaluate(new MapRoot(variables), expectedType, null);
    }

    /** Evaluates against the given root. */
    public Object evaluate(EvaluationRoot root) {
        return evaluate(root, Object.class, null);
    }

    /**
     * Evaluates against the given root.
     *
     * @throws ExpressionEvaluationException when evaluation or conversion fails
     */
    <T> T evaluate(EvaluationRoot root, Class<T> expectedType) {
        return evaluate(root, expectedType, null);
    }

    private <T> T evaluate(EvaluationRoot root, Class<T> expectedType, Message<?> message) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(expectedType, "expectedType");
        RootELContext context = new RootELContext(resolver, factory, root);
        Object value;
        try {
            value = parsed.getValue(context);
        } catch (RuntimeException failure) {
            throw failed(failure, message, "Cannot evaluate expression '" + text + "'" + placed() + ": "
                    + describe(failure) + JoinHint.forFailure(text, failure));
        }
        return convert(value, expectedType, context, message);
    }

    @SuppressWarnings("unchecked")
    private <T> T convert(Object value, Class<T> expectedType, RootELContext context, Message<?> message) {
        if (value == null && !expectedType.isPrimitive()) {
            return null;
        }
        if (value != null && boxed(expectedType).isInstance(value)) {
            return (T) value; // the common case (a selector's Boolean, a payload already of the type): no coercion
        }
        try {
            // unchecked: for a primitive type, Class<T> is e.g. Class<Boolean> while the value is boxed
            return (T) context.convertToType(value, expectedType);
        } catch (RuntimeException notConvertible) {
            throw failed(notConvertible, message, "Expression '" + text + "'" + placed() + " gave "
                    + (value == null ? "null" : "a " + value.getClass().getName() + " (" + value + ")")
                    + ", which cannot be converted to " + expectedType.getName());
        }
    }

    /** @return the failure to throw: see the class comment for the one exception that is not wrapped */
    private RuntimeException failed(RuntimeException failure, Message<?> message, String description) {
        MessagingException deliberate = thrownOnPurpose(failure);
        return deliberate != null ? deliberate
                : new ExpressionEvaluationException(message, text, place, description, failure);
    }

    /** @return the messaging exception a called method threw, which EL hands on wrapped in ELExceptions */
    private static MessagingException thrownOnPurpose(Throwable failure) {
        Throwable current = failure;
        while (current instanceof ELException && current.getCause() != null) {
            current = current.getCause();
        }
        return current instanceof MessagingException messaging ? messaging : null;
    }

    private String placed() {
        return place == null ? "" : " (" + place + ")";
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return type == char.class ? Character.class : Void.class;
    }

    /**
     * EL wraps exceptions of invoked methods without a message of its own: show the innermost cause then. Other
     * exceptions come bare from EL's arithmetic and coercions, where the message alone ({@code For input string:
     * "tea"}) does not say what failed: show the type as well.
     */
    private static String describe(RuntimeException failure) {
        if (!(failure instanceof ELException)) {
            return failure.toString();
        }
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    }

    @Override
    public String toString() {
        return "Expression[" + text + "]";
    }
}
