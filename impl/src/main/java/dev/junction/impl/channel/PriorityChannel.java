package dev.junction.impl.channel;

import dev.junction.api.management.QueueChannelStatistics;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A buffering channel that hands out the most urgent message first: by default the one with the highest
 * {@code priority} header (messages without one count as 0), or as a custom comparator says (lowest first).
 * Messages that compare equal leave in the order they arrived. Optionally bounded: a send waits while the
 * channel is full, as on a {@link QueueChannel}.
 */
class PriorityChannel extends AbstractPollableChannel implements QueueChannelStatistics {

    /** Highest {@code priority} header first. */
    static final Comparator<Message<?>> BY_PRIORITY_HEADER =
            Comparator.comparingInt((Message<?> m) -> priorityOf(m)).reversed();

    private final PriorityBlockingQueue<Entry> queue;
    /** Free places; {@code null} when unbounded. */
    private final Semaphore capacity;
    private final AtomicLong arrivals = new AtomicLong();

    PriorityChannel(String name) {
        this(builder().name(name));
    }

    protected PriorityChannel(Builder builder) {
        super(builder);
        Comparator<Message<?>> order = builder.comparator;
        this.queue = new PriorityBlockingQueue<>(11,
                Comparator.comparing(Entry::message, order).thenComparingLong(Entry::arrival));
        this.capacity = builder.capacity == Integer.MAX_VALUE ? null : new Semaphore(builder.capacity, true);
    }

    @Override
    public int queueSize() {
        return queue.size();
    }

    @Override
    public int remainingCapacity() {
        return capacity == null ? Integer.MAX_VALUE : capacity.availablePermits();
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    protected boolean doSend(Message<?> message, long timeoutNanos) {
        if (capacity != null && !acquirePlace(timeoutNanos)) {
            return false;
        }
        try {
            queue.add(new Entry(message, arrivals.getAndIncrement()));
        } catch (RuntimeException comparatorFailure) {
            // the message was not queued: give its place back, or the channel would shrink for good
            if (capacity != null) {
                capacity.release();
            }
            throw comparatorFailure;
        }
        return true;
    }

    private boolean acquirePlace(long timeoutNanos) {
        try {
            if (timeoutNanos < 0) {
                capacity.acquire();
                return true;
            }
            return timeoutNanos == 0 ? capacity.tryAcquire() : capacity.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    protected Message<?> doReceive(long timeoutNanos) {
        Entry entry;
        try {
            if (timeoutNanos < 0) {
                entry = queue.take();
            } else {
                entry = timeoutNanos == 0 ? queue.poll() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (entry == null) {
            return null;
        }
        if (capacity != null) {
            capacity.release();
        }
        return entry.message();
    }

    /** @return how many messages wait in the channel */
    int getQueueSize() {
        return queue.size();
    }

    private static int priorityOf(Message<?> message) {
        Object priority = message.getHeaders().get(MessageHeaders.PRIORITY);
        return priority instanceof Number number ? number.intValue() : 0;
    }

    private record Entry(Message<?> message, long arrival) {
    }

    /** Builds a {@link PriorityChannel}. */
    public static final class Builder extends ChannelBuilder<Builder, PriorityChannel> {
        private int capacity = Integer.MAX_VALUE;
        private Comparator<Message<?>> comparator = BY_PRIORITY_HEADER;

        private Builder() {
        }

        /** The most messages the channel holds (default: unbounded). */
        Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("JNC-0103 A priority channel's capacity must be at least 1, was "
                        + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** Orders messages: the one comparing lowest leaves first (default: highest priority header first). */
        Builder comparator(Comparator<Message<?>> comparator) {
            this.comparator = Objects.requireNonNull(comparator, "comparator");
            return this;
        }

        @Override
        public PriorityChannel build() {
            return new PriorityChannel(this);
        }
    }
}
