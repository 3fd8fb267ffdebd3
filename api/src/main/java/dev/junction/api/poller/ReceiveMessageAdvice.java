package dev.junction.api.poller;

import dev.junction.api.message.Message;

/**
 * "Smart polling": advice around the receive part of a poll only, seeing its result. It may cancel a poll
 * before it receives, or replace (or drop) what was received; adaptive pollers change their trigger here.
 * Runs on the poller's thread, so advices that change a trigger work only without a task executor.
 */
public interface ReceiveMessageAdvice {

    /**
     * @param source the polled channel or message source
     * @return {@code false} to cancel this poll
     */
    default boolean beforeReceive(Object source) {
        return true;
    }

    /**
     * @param result what was received, or {@code null}
     * @param source the polled channel or message source
     * @return the message to process, or {@code null} for none: a received message dropped that way that carries an
     *         acknowledgment callback is settled ACCEPT, as a filter's discard would be
     */
    default Message<?> afterReceive(Message<?> result, Object source) {
        return result;
    }
}
