package dev.junction.api.advice;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import java.time.Instant;

/**
 * The failure of a message refused by an open circuit breaker: the endpoint did not handle it. Its text starts with
 * {@code JNC-1001}.
 */
public class CircuitBreakerOpenException extends MessagingException {

    private static final long serialVersionUID = 1L;

    private final String endpointId;
    private final Instant halfOpenAt;

    public CircuitBreakerOpenException(Message<?> failedMessage, String endpointId, int consecutiveFailures,
            Instant halfOpenAt) {
        super(failedMessage, "JNC-1001 The circuit breaker of endpoint '" + endpointId + "' is open after "
                + consecutiveFailures + " consecutive failures: the message was not handled. A message is tried"
                + " again from " + halfOpenAt + " (half-open)");
        this.endpointId = endpointId;
        this.halfOpenAt = halfOpenAt;
    }

    /** @return the endpoint whose breaker is open */
    public String getEndpointId() {
        return endpointId;
    }

    /** @return when the breaker lets a message through on trial, unless another failure happens before */
    public Instant getHalfOpenAt() {
        return halfOpenAt;
    }
}
