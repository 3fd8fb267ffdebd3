package dev.junction.impl.handler;

import dev.junction.api.message.Message;

/**
 * Computes something from a message: the result of a bean method, of an expression, of a lambda. Service
 * activators, transformers, routers and inbound adapters are built on processors, so each of them works the
 * same with a method or an expression.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface MessageProcessor<T> {

    /**
     * @return the result, or {@code null} for "nothing"
     * @throws dev.junction.api.error.MessagingException when processing fails
     */
    T process(Message<?> message);
}
