package dev.junction.api.error;

import dev.junction.api.message.Message;

/**
 * The root of every runtime failure of the messaging system. Carries the message that failed, when there is
 * one, so that nothing is lost: error handlers and error channels receive it with the cause.
 */
public class MessagingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Message<?> failedMessage;

    public MessagingException(String description) {
        this(null, description, null);
    }

    public MessagingException(Message<?> failedMessage, String description) {
        this(failedMessage, description, null);
    }

    public MessagingException(Message<?> failedMessage, Throwable cause) {
        this(failedMessage, cause == null ? null : cause.getMessage(), cause);
    }

    public MessagingException(Message<?> failedMessage, String description, Throwable cause) {
        super(description, cause);
        this.failedMessage = failedMessage;
    }

    /** @return the message whose processing failed, or {@code null} when none was involved */
    public Message<?> getFailedMessage() {
        return failedMessage;
    }

    @Override
    public String toString() {
        return failedMessage == null ? super.toString() : super.toString() + ", failedMessage=" + failedMessage;
    }
}
