package dev.junction.impl.source;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.source.MessageSource;
import java.util.Objects;

/**
 * Ad-hoc polling of a {@link MessageSource}: receives one message, hands it to a handler and settles its
 * acknowledgment like the polling adapter does (ACCEPT on return, REJECT on failure, unless the handler settled
 * it or turned automatic settling off).
 */
final class MessageSourcePollingTemplate {

    private final MessageSource<?> source;

    MessageSourcePollingTemplate(MessageSource<?> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * @return whether a message was received (and handled)
     * @throws MessagingException when the handler fails (the message was REJECTed unless the handler settled it or
     *         turned automatic settling off): the handler's own, or a {@link MessageHandlingException} carrying the
     *         message and the handler's exception as its cause
     */
    boolean poll(MessageHandler handler) {
        Message<?> message = source.receive();
        if (message == null) {
            return false;
        }
        try {
            AutoAcknowledgingFlow.run(message, handler::handleMessage);
        } catch (MessagingException failure) {
            throw failure;
        } catch (RuntimeException failure) {
            throw new MessageHandlingException(message, "The handler of an ad-hoc poll of " + source
                    + " failed: " + failure, failure);
        }
        return true;
    }
}
