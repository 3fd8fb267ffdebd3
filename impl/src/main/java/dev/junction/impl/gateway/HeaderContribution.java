package dev.junction.impl.gateway;

import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.expression.Expression;
import java.util.Map;

/**
 * One source of request headers. A method's contributions are applied in precedence order (the gateway's
 * defaults, then header maps, then {@code @Header} arguments, then the method's own headers), so a later one
 * wins; a contribution without a value ({@code null}) adds nothing and so never erases an earlier one.
 */
sealed interface HeaderContribution {

    /**
     * @param root the variables for header expressions, or {@code null} when the method has none
     */
    void apply(MessageBuilder<?> request, Object[] args, GatewayCallRoot root);

    /** @return the one header this contributes, or {@code null} for a map of headers */
    String name();

    /** @return whether applying needs the expression variables */
    default boolean needsRoot() {
        return false;
    }

    /** A fixed value from {@code @GatewayHeader(value = ...)} or the factory's builder. */
    record Fixed(String name, Object value) implements HeaderContribution {
        @Override
        public void apply(MessageBuilder<?> request, Object[] args, GatewayCallRoot root) {
            request.setHeader(name, value);
        }
    }

    /** A value from {@code @GatewayHeader(expression = ...)}, parsed once. */
    record Computed(String name, Expression expression) implements HeaderContribution {
        @Override
        public void apply(MessageBuilder<?> request, Object[] args, GatewayCallRoot root) {
            Object value = expression.evaluate(root);
            if (value != null) {
                request.setHeader(name, value);
            }
        }

        @Override
        public boolean needsRoot() {
            return true;
        }
    }

    /** A {@code @Header} argument. */
    record Argument(String name, int index, boolean required, String description) implements HeaderContribution {
        @Override
        public void apply(MessageBuilder<?> request, Object[] args, GatewayCallRoot root) {
            Object value = args[index];
            if (value != null) {
                request.setHeader(name, value);
            } else if (required) {
                throw new IllegalArgumentException(description + " is the required header '" + name
                        + "' and was passed null; pass a value or declare @Header(required = false)");
            }
        }
    }

    /** A {@code @Headers} map, or an unannotated map next to the payload: each entry becomes a header. */
    record MapArgument(int index, String description) implements HeaderContribution {
        @Override
        public String name() {
            return null;
        }

        @Override
        public void apply(MessageBuilder<?> request, Object[] args, GatewayCallRoot root) {
            if (!(args[index] instanceof Map<?, ?> headers)) {
                return; // null: no headers
            }
            for (Map.Entry<?, ?> entry : headers.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException(description + " holds headers, whose names must be strings;"
                            + " found the key " + entry.getKey());
                }
                if (entry.getValue() != null) {
                    request.setHeader(name, entry.getValue());
                }
            }
        }
    }
}
