package dev.junction.impl.dispatch;

import dev.junction.api.message.Message;

/** Hands a message to the subscribers of a channel, one (point-to-point) or all (publish-subscribe). */
public interface MessageDispatcher {

    /** @return the subscribers */
    HandlerList handlers();

    /** @return whether the message was delivered as the dispatcher's rules require */
    boolean dispatch(Message<?> message);

    /** @return deliveries handed to an executor and not finished yet; 0 for a dispatcher without executor */
    default int pendingDeliveries() {
        return 0;
    }
}
