package dev.junction.impl.channel;

import dev.junction.api.message.Message;

/**
 * A point-to-point buffering channel (FIFO). Bounded or unbounded: a send blocks while the queue is full (up
 * to its timeout, {@link java.time.Duration#ZERO} meaning not at all) and a receive blocks while it is empty.
 * An interrupted wait returns {@code false} / {@code null} and keeps the thread's interrupt flag set.
 * Equivalent to {@code MessageChannels.queue(name, capacity)}.
 *
 * <p>Messages live in memory only; prefer a bounded capacity so a slow consumer cannot exhaust the heap.
 */
public class QueueChannel extends AbstractQueueChannel {

    /** An unbounded queue channel. */
    public QueueChannel(String name) {
        this(name, Integer.MAX_VALUE);
    }

    /** A queue channel holding at most {@code capacity} messages. */
    public QueueChannel(String name, int capacity) {
        this(builder().name(name).capacity(capacity));
    }

    private final HandoffQueue<Message<?>> queue;

    protected QueueChannel(Builder builder) {
        this(builder, new HandoffQueue<>(builder.capacity));
    }

    private QueueChannel(Builder builder, HandoffQueue<Message<?>> queue) {
        super(builder, queue);
        this.queue = queue;
    }

    /**
     * @return a new, empty batch through which one consumer takes the messages of this channel several at a time
     *         (a polling consumer does, once per start)
     */
    public QueueBatch newBatch() {
        return new QueueBatch(this, queue);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link QueueChannel}. */
    public static final class Builder extends ChannelBuilder<Builder, QueueChannel> {
        private int capacity = Integer.MAX_VALUE;

        private Builder() {
        }

        /** The most messages the channel holds (default: unbounded). */
        Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("JNC-0102 A queue channel's capacity must be at least 1, was "
                        + capacity + "; use a RendezvousChannel for a zero-capacity hand-off");
            }
            this.capacity = capacity;
            return this;
        }

        @Override
        public QueueChannel build() {
            return new QueueChannel(this);
        }
    }
}
