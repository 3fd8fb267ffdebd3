package dev.junction.tcp.gateway;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.impl.expression.Expression;

import java.time.Duration;

/**
 * How long an outbound gateway waits for a reply: a fixed time, or an expression over the request message
 * ({@code headers['timeout']}) giving milliseconds or a {@link Duration}.
 */
final class RemoteTimeout {

    private final Duration fixed;
    private final Expression expression;

    private RemoteTimeout(Duration fixed, Expression expression) {
        this.fixed = fixed;
        this.expression = expression;
    }

    static RemoteTimeout fixed(Duration timeout) {
        return new RemoteTimeout(timeout, null);
    }

    static RemoteTimeout of(Expression expression) {
        return new RemoteTimeout(null, expression);
    }

    /**
     * @throws MessageHandlingException when the expression gives something else than a time, zero or more
     * @throws dev.junction.impl.expression.ExpressionEvaluationException when it cannot be evaluated
     */
    Duration of(Message<?> request, String owner) {
        if (expression == null) {
            return fixed;
        }
        Object value = expression.evaluate(request);
        Duration timeout = null;
        if (value instanceof Duration duration) {
            timeout = duration;
        } else if (value instanceof Number millis) {
            timeout = Duration.ofMillis(millis.longValue());
        } else if (value instanceof String text && text.strip().matches("-?\\d{1,18}")) {
            timeout = Duration.ofMillis(Long.parseLong(text.strip()));
        }
        if (timeout == null || timeout.isNegative()) {
            throw new MessageHandlingException(request, owner + ": the remote timeout expression '"
                    + expression.getExpressionText() + "' gave " + value + "; it must give milliseconds (a number)"
                    + " or a java.time.Duration, zero or more");
        }
        return timeout;
    }

    @Override
    public String toString() {
        return expression == null ? fixed.toString() : "'" + expression.getExpressionText() + "'";
    }
}
