package dev.junction.api.advice;

import dev.junction.api.message.Message;

/**
 * Computes a string from a message, in code rather than as an expression: the key by which an idempotent receiver
 * recognises a message it has already seen ({@link IdempotentReceiverSpec#keyStrategy}), or the value it stores with
 * that key ({@link IdempotentReceiverSpec#valueStrategy}). Under CDI, a {@code @Named} bean of this type is named by
 * {@code @IdempotentReceiver(keyStrategy = "...")}.
 *
 * <pre>{@code
 * MessageKeyStrategy byOrderId = message -> ((Order) message.getPayload()).id();
 * }</pre>
 *
 * <p>Called by every thread handling a message: keep it stateless or thread-safe.
 */
@FunctionalInterface
public interface MessageKeyStrategy {

    /**
     * @param message the message received
     * @return the string; {@code null} fails the message (a key is required)
     */
    String apply(Message<?> message);
}
