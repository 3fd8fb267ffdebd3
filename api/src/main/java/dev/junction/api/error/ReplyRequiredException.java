package dev.junction.api.error;

import dev.junction.api.message.Message;

/** A handler that must produce a reply returned none. */
public class ReplyRequiredException extends MessagingException {

    private static final long serialVersionUID = 1L;

    public ReplyRequiredException(Message<?> failedMessage, String description) {
        super(failedMessage, description);
    }

    public ReplyRequiredException(Message<?> failedMessage, String description, Throwable cause) {
        super(failedMessage, description, cause);
    }
}
