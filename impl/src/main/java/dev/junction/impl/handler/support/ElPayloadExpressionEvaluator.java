package dev.junction.impl.handler.support;

import dev.junction.api.annotation.Payload;
import dev.junction.api.message.Message;
import dev.junction.impl.expression.Expression;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.invoke.InvalidHandlerMethodException;
import dev.junction.impl.invoke.PayloadExpressionEvaluator;
import jakarta.el.ELException;
import jakarta.el.ExpressionFactory;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates {@code @Payload("expression")} handler parameters with Jakarta EL: {@code payload}, {@code headers}
 * and {@code message} are in scope, and the named beans of the {@link ExpressionParser}. Each distinct
 * expression text is parsed once and kept; later messages only evaluate it.
 *
 * <p>Conversion of the value: a number is brought to a numeric parameter type by EL's coercion rules (EL
 * arithmetic yields {@code Long} or {@code Double} whatever its operands, so {@code payload.count + 1} must still
 * fit an {@code int} parameter). Every other value is passed as it is, and the invoker converts it through the
 * conversion registry exactly as it converts a plain payload.
 *
 * <p>Thread-safe; one evaluator may serve every invoker of an application.
 */
final class ElPayloadExpressionEvaluator implements PayloadExpressionEvaluator {

    private final ExpressionParser parser;
    private final ExpressionFactory coercion = ExpressionParser.defaultFactory();
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();
    /** The parsed expressions once more, each with the place its failures name: one per parameter. */
    private final Map<Use, Expression> placed = new ConcurrentHashMap<>();

    ElPayloadExpressionEvaluator(ExpressionParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * @throws ExpressionParseException when the text is not valid EL (normally caught earlier by
     *         {@link #prepare(Method)})
     * @throws dev.junction.impl.expression.ExpressionEvaluationException carrying the message when evaluation fails
     */
    @Override
    public Object evaluate(String expression, Message<?> message, Class<?> expectedType) {
        return evaluate(parsed.computeIfAbsent(expression, parser::parse), message, expectedType);
    }

    /**
     * @param place where the expression is used, named by its failures
     * @throws ExpressionParseException when the text is not valid EL (normally caught earlier by
     *         {@link #prepare(Method)})
     * @throws dev.junction.impl.expression.ExpressionEvaluationException carrying the message and naming the place
     *         when evaluation fails
     */
    @Override
    public Object evaluate(String expression, Message<?> message, Class<?> expectedType, String place) {
        Expression atPlace = placed.computeIfAbsent(new Use(expression, place),
                use -> parsed.computeIfAbsent(use.expression(), parser::parse).usedIn(use.place()));
        return evaluate(atPlace, message, expectedType);
    }

    private Object evaluate(Expression expression, Message<?> message, Class<?> expectedType) {
        Object value = expression.evaluate(message);
        if (value instanceof Number && isNumeric(expectedType)) {
            Class<?> target = boxed(expectedType);
            if (!target.isInstance(value)) {
                try {
                    return coercion.coerceToType(value, target);
                } catch (ELException | IllegalArgumentException notCoercible) {
                    return value; // the invoker's conversion reports it, naming the parameter
                }
            }
        }
        return value;
    }

    /**
     * Parses every {@code @Payload} expression of the method's parameters now, so that a syntax error is a
     * configuration error reported when the endpoint is built rather than when the first message arrives.
     *
     * @throws InvalidHandlerMethodException naming the parameter and the parser's complaint
     */
    void prepare(Method method) {
        for (Parameter parameter : method.getParameters()) {
            Payload payload = parameter.getAnnotation(Payload.class);
            if (payload == null || payload.value().isBlank()) {
                continue;
            }
            try {
                parsed.computeIfAbsent(payload.value(), parser::parse);
            } catch (ExpressionParseException invalid) {
                throw new InvalidHandlerMethodException("JNC-0319 Parameter '" + parameter.getName() + "' of "
                        + method.getDeclaringClass().getName() + "." + method.getName() + " has @Payload(\""
                        + payload.value() + "\"), which is not a valid expression: " + invalid.getMessage(), invalid);
            }
        }
    }

    /** @return how many distinct expressions have been parsed so far */
    int parsedCount() {
        return parsed.size();
    }

    /** An expression text at one place. */
    private record Use(String expression, String place) {
    }

    private static boolean isNumeric(Class<?> type) {
        Class<?> target = boxed(type);
        return target == Integer.class || target == Long.class || target == Double.class || target == Float.class
                || target == Short.class || target == Byte.class || target == BigDecimal.class
                || target == BigInteger.class;
    }

    private static Class<?> boxed(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }

    @Override
    public String toString() {
        return "ElPayloadExpressionEvaluator[" + parser + "]";
    }
}
