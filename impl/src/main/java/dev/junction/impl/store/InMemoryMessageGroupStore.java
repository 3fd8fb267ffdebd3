package dev.junction.impl.store;

import dev.junction.api.message.Message;
import dev.junction.api.store.MessageGroup;
import dev.junction.api.store.MessageGroupStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Message groups in memory: each group guarded by its own lock, lost with the JVM. */
public final class InMemoryMessageGroupStore implements MessageGroupStore {

    /** One group's mutable state; every access holds its monitor. */
    private static final class Group {
        final List<Message<?>> messages = new ArrayList<>();
        boolean complete;
        long created = System.currentTimeMillis();
        long updated = created;
    }

    private final ConcurrentMap<Object, Group> groups = new ConcurrentHashMap<>();

    @Override
    public void addMessagesToGroup(Object groupId, Message<?>... messages) {
        while (true) {
            Group group = groups.computeIfAbsent(groupId, unused -> new Group());
            synchronized (group) {
                if (groups.get(groupId) != group) {
                    continue; // removed while we waited: add to its successor
                }
                group.messages.addAll(List.of(messages));
                group.updated = System.currentTimeMillis();
                return;
            }
        }
    }

    @Override
    public MessageGroup getMessageGroup(Object groupId) {
        Group group = groups.get(groupId);
        if (group == null) {
            return MessageGroup.empty(groupId);
        }
        synchronized (group) {
            return new MessageGroup(groupId, group.messages, group.complete, group.created, group.updated);
        }
    }

    @Override
    public void removeMessagesFromGroup(Object groupId, Collection<? extends Message<?>> messages) {
        Group group = groups.get(groupId);
        if (group == null) {
            return;
        }
        Set<UUID> ids = new HashSet<>();
        messages.forEach(message -> ids.add(message.getHeaders().getId()));
        synchronized (group) {
            group.messages.removeIf(message -> ids.contains(message.getHeaders().getId()));
            group.updated = System.currentTimeMillis();
        }
    }

    @Override
    public boolean removeMessageFromGroup(Object groupId, UUID messageId) {
        Group group = groups.get(groupId);
        if (group == null) {
            return false;
        }
        synchronized (group) {
            return group.messages.removeIf(message -> messageId.equals(message.getHeaders().getId()));
        }
    }

    @Override
    public Message<?> pollMessageFromGroup(Object groupId) {
        Group group = groups.get(groupId);
        if (group == null) {
            return null;
        }
        synchronized (group) {
            return group.messages.isEmpty() ? null : group.messages.remove(0);
        }
    }

    @Override
    public void completeGroup(Object groupId) {
        Group group = groups.computeIfAbsent(groupId, unused -> new Group());
        synchronized (group) {
            group.complete = true;
            group.updated = System.currentTimeMillis();
        }
    }

    @Override
    public void removeMessageGroup(Object groupId) {
        Group group = groups.remove(groupId);
        if (group != null) {
            synchronized (group) {
                group.messages.clear();
            }
        }
    }

    @Override
    public int messageGroupSize(Object groupId) {
        Group group = groups.get(groupId);
        if (group == null) {
            return 0;
        }
        synchronized (group) {
            return group.messages.size();
        }
    }

    @Override
    public Collection<Object> groupIds() {
        return new ArrayList<>(groups.keySet());
    }
}
