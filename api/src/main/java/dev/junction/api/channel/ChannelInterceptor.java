package dev.junction.api.channel;

import dev.junction.api.message.Message;

/**
 * Observes or changes what passes through a channel. Every callback has a no-op default, so an interceptor
 * implements only what it needs.
 *
 * <p>Order: {@code preSend} callbacks run in interceptor order; {@code postSend} in the same order once the
 * message was handed over; {@code afterSendCompletion} in reverse order for every interceptor whose
 * {@code preSend} completed, even when sending failed. Receive callbacks run only on pollable channels, in the
 * same pattern; {@code postReceive} is not called when nothing was received.
 */
public interface ChannelInterceptor {

    /**
     * Called before the message is sent.
     *
     * @return the message to send (possibly a different one), or {@code null} to stop the send, which then
     *         returns {@code false}
     */
    default Message<?> preSend(Message<?> message, MessageChannel channel) {
        return message;
    }

    /** Called after the send, with its result. */
    default void postSend(Message<?> message, MessageChannel channel, boolean sent) {
    }

    /**
     * Called after the send completed, whatever its outcome.
     *
     * @param ex the failure of the send, or {@code null}
     */
    default void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
    }

    /**
     * Called before a receive on a pollable channel.
     *
     * @return {@code false} to stop the receive, which then returns {@code null}
     */
    default boolean preReceive(MessageChannel channel) {
        return true;
    }

    /**
     * Called when a message was received.
     *
     * @return the message to hand to the receiver, or {@code null} to hand nothing
     */
    default Message<?> postReceive(Message<?> message, MessageChannel channel) {
        return message;
    }

    /**
     * Called after a receive completed, whatever its outcome.
     *
     * @param message the received message, or {@code null}
     * @param ex the failure of the receive, or {@code null}
     */
    default void afterReceiveCompletion(Message<?> message, MessageChannel channel, Exception ex) {
    }
}
