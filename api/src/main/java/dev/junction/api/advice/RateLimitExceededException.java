package dev.junction.api.advice;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import java.time.Duration;

/**
 * The failure of a message a rate limiter refused: no permit came within its timeout, and the endpoint did not
 * handle the message. Its text starts with {@code JNC-1015}.
 */
public class RateLimitExceededException extends MessagingException {

    private static final long serialVersionUID = 1L;

    private final String endpointId;

    public RateLimitExceededException(Message<?> failedMessage, String endpointId, int limitForPeriod,
            Duration refreshPeriod, Duration timeout) {
        super(failedMessage, "JNC-1015 The rate limiter of endpoint '" + endpointId + "' allows " + limitForPeriod
                + " messages every " + refreshPeriod + " and no permit came within " + timeout + ": the message was"
                + " not handled. Send it again later, or give the limiter a longer timeout");
        this.endpointId = endpointId;
    }

    /** @return the endpoint whose limiter refused the message */
    public String getEndpointId() {
        return endpointId;
    }
}
