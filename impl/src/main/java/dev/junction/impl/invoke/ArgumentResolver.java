package dev.junction.impl.invoke;

import dev.junction.api.message.Message;

/**
 * Produces one argument of a handler method from the message. Built once per parameter when the invoker is
 * built, so that a message costs no reflection; implementations are immutable and thread-safe.
 */
@FunctionalInterface
interface ArgumentResolver {

    /**
     * @return the argument; never {@code null} for a primitive parameter
     * @throws dev.junction.api.error.MessageHandlingException when the message cannot supply it
     */
    Object resolve(Message<?> message);
}
