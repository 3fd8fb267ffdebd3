package dev.junction.api.store;

import dev.junction.api.message.Message;
import java.util.List;

/**
 * A read-only snapshot of the messages of one group, in the order they were added.
 *
 * @param groupId the group key
 * @param messages the messages, oldest first; an unmodifiable list
 * @param complete whether {@link MessageGroupStore#completeGroup(Object)} marked the group complete
 * @param createdMillis when the first message was added, in epoch milliseconds (0 for an empty group)
 * @param lastModifiedMillis when the group last changed, in epoch milliseconds (0 for an empty group)
 */
public record MessageGroup(Object groupId, List<Message<?>> messages, boolean complete, long createdMillis,
        long lastModifiedMillis) {

    /** Copies the list so that the snapshot never changes. */
    public MessageGroup {
        messages = List.copyOf(messages);
    }

    /** @return an empty, incomplete group with this key */
    public static MessageGroup empty(Object groupId) {
        return new MessageGroup(groupId, List.of(), false, 0, 0);
    }

    /** @return how many messages the group holds */
    public int size() {
        return messages.size();
    }
}
