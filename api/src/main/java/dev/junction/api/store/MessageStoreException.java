package dev.junction.api.store;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;

/**
 * A store could not keep or return a message: its payload or a header could not be serialized, or the database
 * failed. Carries the message concerned when there is one.
 */
public class MessageStoreException extends MessagingException {

    private static final long serialVersionUID = 1L;

    /**
     * @param failedMessage the message concerned, or {@code null}
     * @param description what failed, starting with the message code
     * @param cause the underlying failure, or {@code null}
     */
    public MessageStoreException(Message<?> failedMessage, String description, Throwable cause) {
        super(failedMessage, description, cause);
    }
}
