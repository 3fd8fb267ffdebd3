package dev.junction.api.error;

import dev.junction.api.message.Message;

/** A handler failed while handling a message; the cause is the handler's own exception. */
public class MessageHandlingException extends MessagingException {

    private static final long serialVersionUID = 1L;

    public MessageHandlingException(Message<?> failedMessage, String description) {
        super(failedMessage, description);
    }

    public MessageHandlingException(Message<?> failedMessage, String description, Throwable cause) {
        super(failedMessage, description, cause);
    }
}
