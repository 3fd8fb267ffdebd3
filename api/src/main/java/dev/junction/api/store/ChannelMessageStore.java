package dev.junction.api.store;

import dev.junction.api.message.Message;

/**
 * The queue behind a persistent channel: messages are added at the tail of a named queue and taken from its
 * head, each by exactly one taker. Several channels (and several JVMs sharing a database) use one store, each
 * with its own queue name.
 *
 * <p>A store that writes to a database takes part in the caller's JTA transaction: a message {@link #poll taken}
 * inside a transaction is removed only when the transaction commits, and is back in the queue if it rolls back.
 */
public interface ChannelMessageStore {

    /**
     * Appends a message to a queue.
     *
     * @param queue the queue name (usually the channel name), not {@code null}
     * @param message the message, not {@code null}
     * @throws MessageStoreException when the message cannot be stored
     */
    void add(String queue, Message<?> message);

    /**
     * Takes the message at the head of a queue, never one that another caller is taking at the same time.
     *
     * @param queue the queue name
     * @return the message, or {@code null} when the queue holds none that is free to take
     */
    Message<?> poll(String queue);

    /** @return how many messages the queue holds, including those being taken in open transactions */
    int size(String queue);

    /**
     * Removes every message of a queue.
     *
     * @param queue the queue name
     * @return how many were removed
     */
    int clear(String queue);
}
