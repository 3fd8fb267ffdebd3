package dev.junction.impl.invoke;

import dev.junction.api.message.Message;

/** Small pieces of text shared by the runtime errors of this package. */
final class Messages {

    private Messages() {
    }

    /**
     * The message's id rather than the message itself: the failure carries the message anyway, and a payload
     * printed into every log line may be large or confidential.
     */
    static String identify(Message<?> message) {
        return " (message id " + message.getHeaders().getId() + ")";
    }
}
