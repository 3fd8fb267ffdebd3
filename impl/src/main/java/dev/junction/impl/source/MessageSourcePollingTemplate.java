package dev.junction.impl.source;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import java.util.Objects;

/**
 * Ad-hoc polling of a {@link MessageSource}: receives one message, hands it to a handler and settles its
 * acknowledgment like the polling adapter does (ACCEPT on return, REJECT on failure, unless the handler settled
 * it or turned automatic settling off).
 */
public final class MessageSourcePollingTemplate {

    private final MessageSource<?> source;

    public MessageSourcePollingTemplate(MessageSource<?> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * @return whether a message was received (and handled)
     * @throws dev.junction.api.error.MessagingException when the handler fails (the message was REJECTed)
     */
    public boolean poll(MessageHandler handler) {
        Message<?> message = source.receive();
        if (message == null) {
            return false;
        }
        AutoAcknowledgingFlow.run(message, handler::handleMessage);
        return true;
    }
}
