package dev.junction.impl.store;

import dev.junction.api.message.Message;
import dev.junction.api.store.MessageStore;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Messages by id in a concurrent map: lost with the JVM. */
public final class InMemoryMessageStore implements MessageStore {

    private final ConcurrentMap<UUID, Message<?>> messages = new ConcurrentHashMap<>();

    @Override
    public <T> Message<T> addMessage(Message<T> message) {
        messages.putIfAbsent(Objects.requireNonNull(message, "message").getHeaders().getId(), message);
        return message;
    }

    @Override
    public Message<?> getMessage(UUID id) {
        return messages.get(id);
    }

    @Override
    public Message<?> removeMessage(UUID id) {
        return messages.remove(id);
    }

    @Override
    public long getMessageCount() {
        return messages.size();
    }
}
