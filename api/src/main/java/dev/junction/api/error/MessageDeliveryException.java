package dev.junction.api.error;

import dev.junction.api.message.Message;

/** A message could not be delivered: no subscriber, a rejected payload type, a full channel. */
public class MessageDeliveryException extends MessagingException {

    private static final long serialVersionUID = 1L;

    public MessageDeliveryException(Message<?> failedMessage, String description) {
        super(failedMessage, description);
    }

    public MessageDeliveryException(Message<?> failedMessage, String description, Throwable cause) {
        super(failedMessage, description, cause);
    }
}
