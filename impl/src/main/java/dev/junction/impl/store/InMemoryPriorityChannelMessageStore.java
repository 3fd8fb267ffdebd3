package dev.junction.impl.store;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.store.PriorityChannelMessageStore;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Priority queues in memory: highest {@code priority} header first, oldest first among equals. Not transactional
 * and lost with the JVM, as {@link InMemoryChannelMessageStore}.
 */
public final class InMemoryPriorityChannelMessageStore implements PriorityChannelMessageStore {

    /** A message with its arrival number, which keeps equal priorities in FIFO order. */
    private record Entry(Message<?> message, int priority, long arrival) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::priority).reversed()
            .thenComparingLong(Entry::arrival);

    private final ConcurrentMap<String, PriorityBlockingQueue<Entry>> queues = new ConcurrentHashMap<>();
    private final AtomicLong arrivals = new AtomicLong();

    private PriorityBlockingQueue<Entry> queue(String name) {
        return queues.computeIfAbsent(Objects.requireNonNull(name, "queue"),
                unused -> new PriorityBlockingQueue<>(11, ORDER));
    }

    @Override
    public void add(String queue, Message<?> message) {
        Object priority = Objects.requireNonNull(message, "message").getHeaders().get(MessageHeaders.PRIORITY);
        queue(queue).add(new Entry(message, priority instanceof Number number ? number.intValue() : 0,
                arrivals.incrementAndGet()));
    }

    @Override
    public Message<?> poll(String queue) {
        Entry head = queue(queue).poll();
        return head == null ? null : head.message();
    }

    @Override
    public int size(String queue) {
        return queue(queue).size();
    }

    @Override
    public int clear(String queue) {
        PriorityBlockingQueue<Entry> entries = queue(queue);
        int removed = 0;
        while (entries.poll() != null) {
            removed++;
        }
        return removed;
    }
}
