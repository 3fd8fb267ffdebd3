package dev.junction.impl.store;

import dev.junction.api.message.Message;
import dev.junction.api.store.ChannelMessageStore;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;

/**
 * FIFO queues in memory. Not transactional: a message taken inside a transaction that rolls back is not put back,
 * and everything is lost with the JVM; use the JDBC store where that matters.
 */
public final class InMemoryChannelMessageStore implements ChannelMessageStore {

    private final ConcurrentMap<String, Queue<Message<?>>> queues = new ConcurrentHashMap<>();

    private Queue<Message<?>> queue(String name) {
        return queues.computeIfAbsent(Objects.requireNonNull(name, "queue"), unused -> new ConcurrentLinkedQueue<>());
    }

    @Override
    public void add(String queue, Message<?> message) {
        queue(queue).add(Objects.requireNonNull(message, "message"));
    }

    @Override
    public Message<?> poll(String queue) {
        return queue(queue).poll();
    }

    @Override
    public int size(String queue) {
        return queue(queue).size();
    }

    @Override
    public int clear(String queue) {
        Queue<Message<?>> messages = queue(queue);
        int removed = 0;
        while (messages.poll() != null) {
            removed++;
        }
        return removed;
    }
}
