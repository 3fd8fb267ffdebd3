package dev.junction.api.store;

import dev.junction.api.message.Message;
import java.util.Collection;
import java.util.UUID;

/**
 * Keeps messages in groups identified by a key, for components that collect related messages (an aggregator,
 * a resequencer, a delayer's pending set). A group key is compared by {@code equals} in memory and by its
 * {@code toString()} in a database.
 */
public interface MessageGroupStore {

    /**
     * Appends messages to a group, creating the group when needed.
     *
     * @param groupId the group key
     * @param messages the messages to append
     * @throws MessageStoreException when a message cannot be stored
     */
    void addMessagesToGroup(Object groupId, Message<?>... messages);

    /**
     * @param groupId the group key
     * @return a snapshot of the group; an empty group when none has this key
     */
    MessageGroup getMessageGroup(Object groupId);

    /**
     * Removes the given messages (compared by id) from a group; messages not in the group are ignored.
     *
     * @param groupId the group key
     * @param messages the messages to remove
     */
    void removeMessagesFromGroup(Object groupId, Collection<? extends Message<?>> messages);

    /**
     * Removes one message from a group, atomically: when several callers (threads, or JVMs sharing a database) remove
     * the same message, exactly one of them gets {@code true}. A delayer claims a message this way before releasing
     * it. Inside a JTA transaction, on a store that joins it, the removal commits or rolls back with it. The group's
     * last-modified time stays as it was, so that claims of different messages of one group do not contend.
     *
     * @param groupId the group key
     * @param messageId the id of the message to remove
     * @return whether this call removed it ({@code false}: it was not in the group)
     */
    boolean removeMessageFromGroup(Object groupId, UUID messageId);

    /**
     * Whether the store's work takes part in the caller's JTA transaction (a JDBC store: when its data source enlists
     * its connections). A component that added a message inside a transaction that rolled back takes it out again
     * from a store that does not (in memory).
     *
     * @return {@code false} by default
     */
    default boolean isTransactional() {
        return false;
    }

    /**
     * Removes and returns the oldest message of a group.
     *
     * @param groupId the group key
     * @return the oldest message, or {@code null} when the group is empty
     */
    Message<?> pollMessageFromGroup(Object groupId);

    /** Marks a group complete; later additions are kept but the flag stays set until the group is removed. */
    void completeGroup(Object groupId);

    /** Removes a group and all its messages. */
    void removeMessageGroup(Object groupId);

    /** @return how many messages the group holds (0 when none has this key) */
    int messageGroupSize(Object groupId);

    /** @return the keys of the groups the store holds, until {@link #removeMessageGroup(Object) removed} */
    Collection<Object> groupIds();
}
