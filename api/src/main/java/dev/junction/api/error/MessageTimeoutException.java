package dev.junction.api.error;

import dev.junction.api.message.Message;

/** A send or a wait for a reply did not complete within its timeout. */
public class MessageTimeoutException extends MessageDeliveryException {

    private static final long serialVersionUID = 1L;

    public MessageTimeoutException(Message<?> failedMessage, String description) {
        super(failedMessage, description);
    }

    public MessageTimeoutException(Message<?> failedMessage, String description, Throwable cause) {
        super(failedMessage, description, cause);
    }
}
