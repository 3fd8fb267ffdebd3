package dev.junction.api.store;

import dev.junction.api.message.Message;
import java.util.UUID;

/**
 * Keeps single messages by their {@link dev.junction.api.message.MessageHeaders#ID id}, for components that
 * must find a message again later (a claim check).
 */
public interface MessageStore {

    /**
     * Stores the message; storing a message whose id is already present replaces nothing and succeeds.
     *
     * @param message the message, not {@code null}
     * @param <T> the payload type
     * @return the message as stored (the same instance for stores that keep objects)
     * @throws MessageStoreException when the message cannot be stored (its payload or a header cannot be
     *         serialized, the database fails)
     */
    <T> Message<T> addMessage(Message<T> message);

    /**
     * @param id the message id
     * @return the stored message, or {@code null} when none has this id
     */
    Message<?> getMessage(UUID id);

    /**
     * Removes a message.
     *
     * @param id the message id
     * @return the removed message, or {@code null} when none had this id (another caller removed it first)
     */
    Message<?> removeMessage(UUID id);

    /** @return how many messages the store holds */
    long getMessageCount();
}
