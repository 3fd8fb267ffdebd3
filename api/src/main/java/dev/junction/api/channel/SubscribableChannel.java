package dev.junction.api.channel;

import dev.junction.api.handler.MessageHandler;

/** A channel that hands each message straight to its subscribed handlers. */
public interface SubscribableChannel extends MessageChannel {

    /**
     * @param handler the handler to add
     * @return {@code true} when the handler was added, {@code false} when it was already subscribed
     */
    boolean subscribe(MessageHandler handler);

    /**
     * @param handler the handler to remove
     * @return {@code true} when the handler was subscribed and is now removed
     */
    boolean unsubscribe(MessageHandler handler);

    /** @return how many handlers are subscribed now */
    int getSubscriberCount();
}
