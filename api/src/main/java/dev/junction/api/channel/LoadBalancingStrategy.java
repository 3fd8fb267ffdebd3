package dev.junction.api.channel;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import java.util.List;

/**
 * Chooses where a point-to-point channel starts trying its handlers for a message. The dispatcher then walks
 * the handlers from that index on (wrapping around) for failover.
 */
@FunctionalInterface
public interface LoadBalancingStrategy {

    /**
     * @param message the message being dispatched
     * @param handlers the subscribed handlers, in their order; never empty
     * @return the index of the first handler to try, between 0 and {@code handlers.size() - 1}
     */
    int firstIndex(Message<?> message, List<MessageHandler> handlers);
}
