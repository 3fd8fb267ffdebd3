package dev.junction.impl.gateway;

import dev.junction.impl.expression.Expression;
import java.lang.reflect.Method;

/** Where a call's payload comes from: decided once per method, applied on every call. */
sealed interface PayloadSource {

    /**
     * @return the payload, never {@code null}
     * @throws IllegalArgumentException when the argument or expression gives {@code null}
     */
    Object payload(Object[] args);

    /** The argument itself ({@code @Payload} without expression, or the conventional payload parameter). */
    record Argument(int index, String description) implements PayloadSource {
        @Override
        public Object payload(Object[] args) {
            Object value = args[index];
            if (value == null) {
                throw new IllegalArgumentException(description + " is the payload and was passed null;"
                        + " a message needs a payload");
            }
            return value;
        }
    }

    /** A parameter's {@code @Payload("expression")}, seeing the argument as {@code arg}. */
    record ArgumentExpression(int index, Expression expression, Method method, String description)
            implements PayloadSource {
        @Override
        public Object payload(Object[] args) {
            return nonNull(expression.evaluate(GatewayCallRoot.forArgument(args, method, args[index])),
                    expression, description);
        }
    }

    /** A method-level or default payload expression over {@code args} and {@code gatewayMethod}. */
    record MethodExpression(Expression expression, Method method, String description) implements PayloadSource {
        @Override
        public Object payload(Object[] args) {
            return nonNull(expression.evaluate(GatewayCallRoot.forPayload(args, method)), expression, description);
        }
    }

    private static Object nonNull(Object value, Expression expression, String description) {
        if (value == null) {
            throw new IllegalArgumentException(description + ": the payload expression '"
                    + expression.getExpressionText() + "' evaluated to null; a message needs a payload");
        }
        return value;
    }
}
