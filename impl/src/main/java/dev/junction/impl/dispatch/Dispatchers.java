package dev.junction.impl.dispatch;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;

/** What the dispatchers share: invoking a handler so that its failure names the handler and keeps the message. */
final class Dispatchers {

    private Dispatchers() {
    }

    static void invoke(MessageHandler handler, Message<?> message, String channelName) {
        try {
            handler.handleMessage(message);
        } catch (RuntimeException failure) {
            throw asHandlingFailure(failure, handler, message, channelName);
        }
    }

    static MessagingException asHandlingFailure(RuntimeException failure, MessageHandler handler, Message<?> message,
            String channelName) {
        if (failure instanceof MessagingException messaging && messaging.getFailedMessage() != null) {
            return messaging;
        }
        return new MessageHandlingException(message, "Handler " + handler + " subscribed to channel '" + channelName
                + "' failed: " + failure, failure);
    }
}
