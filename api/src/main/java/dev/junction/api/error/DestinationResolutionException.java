package dev.junction.api.error;

import dev.junction.api.message.Message;

/** A channel name (an output channel, a reply or error channel header) could not be resolved to a channel. */
public class DestinationResolutionException extends MessagingException {

    private static final long serialVersionUID = 1L;

    public DestinationResolutionException(Message<?> failedMessage, String description) {
        super(failedMessage, description);
    }

    public DestinationResolutionException(Message<?> failedMessage, String description, Throwable cause) {
        super(failedMessage, description, cause);
    }
}
