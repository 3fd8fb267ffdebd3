package dev.junction.impl.channel;

import dev.junction.api.message.Message;
import dev.junction.api.store.ChannelMessageStore;
import java.time.Duration;
import java.util.Objects;

/**
 * A point-to-point buffering channel whose messages wait in a {@link ChannelMessageStore}: with a JDBC store they
 * survive the JVM, and every channel of the same queue name on the same database — in this JVM or others — shares
 * them, each message going to one receiver. Equivalent to {@code MessageChannels.queue(name, store)}.
 *
 * <p>With a JDBC store and a transactional poller, taking a message is part of the poll's transaction: a rollback
 * leaves the message in the store for the next poll, a commit removes it once. A send inside a transaction becomes
 * visible to receivers when that transaction commits.
 *
 * <p>A send never blocks: the store has no capacity limit. A receive that finds the queue empty waits for a send
 * in this JVM, and asks the store again every {@link Builder#recheckInterval(Duration) recheck interval} for messages
 * sent by other JVMs or committed late.
 */
public final class PersistentQueueChannel extends AbstractPollableChannel {

    /** How often a waiting receive asks the store again when nothing was sent in this JVM. */
    public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofMillis(100);

    private final ChannelMessageStore store;
    private final String queue;
    private final long recheckNanos;
    /** Wakes receivers of this JVM when a message was sent here; counts sends so none is missed. */
    private final Object arrivals = new Object();
    private long sends;

    private PersistentQueueChannel(Builder builder) {
        super(builder);
        this.store = builder.store;
        this.queue = builder.queue != null ? builder.queue : getName();
        this.recheckNanos = builder.recheckInterval.toNanos();
    }

    /** @return a builder of a channel on this store; the channel needs a name */
    public static Builder builder(ChannelMessageStore store) {
        return new Builder(store);
    }

    @Override
    protected boolean doSend(Message<?> message, long timeoutNanos) {
        store.add(queue, message);
        synchronized (arrivals) {
            sends++;
            arrivals.notifyAll();
        }
        return true;
    }

    @Override
    protected Message<?> doReceive(long timeoutNanos) {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        while (true) {
            long seen;
            synchronized (arrivals) {
                seen = sends;
            }
            Message<?> message = store.poll(queue);
            if (message != null || timeoutNanos == 0) {
                return message;
            }
            long waitNanos = recheckNanos;
            if (timeoutNanos > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                waitNanos = Math.min(waitNanos, remaining);
            }
            if (!awaitSend(seen, waitNanos)) {
                return null;
            }
        }
    }

    /** Waits until a send after {@code seen} or the time passes; {@code false} when interrupted (flag restored). */
    private boolean awaitSend(long seen, long waitNanos) {
        long until = System.nanoTime() + waitNanos;
        synchronized (arrivals) {
            try {
                long left = waitNanos;
                while (sends == seen && left > 0) {
                    arrivals.wait(left / 1_000_000, (int) (left % 1_000_000));
                    left = until - System.nanoTime();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** @return how many messages wait in the store for this channel, including those being taken */
    public int getQueueSize() {
        return store.size(queue);
    }

    /** @return the name of the channel's queue in the store */
    public String getQueueName() {
        return queue;
    }

    /** @return the store holding the messages */
    public ChannelMessageStore getStore() {
        return store;
    }

    /** Builds a {@link PersistentQueueChannel}. */
    public static final class Builder extends ChannelBuilder<Builder, PersistentQueueChannel> {
        private final ChannelMessageStore store;
        private String queue;
        private Duration recheckInterval = DEFAULT_RECHECK_INTERVAL;

        private Builder(ChannelMessageStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The queue's name in the store (default: the channel's name), to share a queue between channel names. */
        public Builder queue(String queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /** How often a waiting receive asks the store again (default {@link #DEFAULT_RECHECK_INTERVAL}). */
        public Builder recheckInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("JNC-0908 A persistent channel's recheck interval must be "
                        + "positive, was " + interval);
            }
            this.recheckInterval = interval;
            return this;
        }

        @Override
        public PersistentQueueChannel build() {
            if (name == null && queue == null) {
                throw new IllegalArgumentException("JNC-0909 A persistent queue channel needs a name (or a queue "
                        + "name): its messages are found in the store by it, after a restart and from other JVMs");
            }
            return new PersistentQueueChannel(this);
        }
    }
}
