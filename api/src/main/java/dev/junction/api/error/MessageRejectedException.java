package dev.junction.api.error;

import dev.junction.api.message.Message;

/** A message was rejected, for example by a filter configured to throw on rejection. */
public class MessageRejectedException extends MessageHandlingException {

    private static final long serialVersionUID = 1L;

    public MessageRejectedException(Message<?> failedMessage, String description) {
        super(failedMessage, description);
    }

    public MessageRejectedException(Message<?> failedMessage, String description, Throwable cause) {
        super(failedMessage, description, cause);
    }
}
