package dev.junction.api.handler;

import dev.junction.api.message.Message;

/** Handles a message delivered by a channel. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param message the message to handle
     * @throws dev.junction.api.error.MessagingException when handling fails
     */
    void handleMessage(Message<?> message);
}
