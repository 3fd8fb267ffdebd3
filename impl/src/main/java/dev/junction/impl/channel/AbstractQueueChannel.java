package dev.junction.impl.channel;

import dev.junction.api.handler.MessageSelector;
import dev.junction.api.management.QueueChannelStatistics;
import dev.junction.api.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pollable channel over a {@link BlockingQueue}: a send blocks while the queue is full (up to its timeout,
 * {@link java.time.Duration#ZERO} meaning not at all) and a receive blocks while it is empty. An interrupted
 * wait returns {@code false} / {@code null} and keeps the thread's interrupt flag set.
 */
public abstract class AbstractQueueChannel extends AbstractPollableChannel implements QueueChannelStatistics {

    private final BlockingQueue<Message<?>> queue;

    protected AbstractQueueChannel(ChannelBuilder<?, ?> builder, BlockingQueue<Message<?>> queue) {
        super(builder);
        this.queue = queue;
    }

    @Override
    protected boolean doSend(Message<?> message, long timeoutNanos) {
        try {
            if (timeoutNanos < 0) {
                queue.put(message);
                return true;
            }
            return timeoutNanos == 0 ? queue.offer(message) : queue.offer(message, timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    protected Message<?> doReceive(long timeoutNanos) {
        try {
            if (timeoutNanos < 0) {
                return queue.take();
            }
            return timeoutNanos == 0 ? queue.poll() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @return how many messages wait in the channel */
    public int getQueueSize() {
        return queue.size();
    }

    /** @return how many more messages fit before a send blocks */
    public int getRemainingCapacity() {
        return queue.remainingCapacity();
    }

    @Override
    public int queueSize() {
        return getQueueSize();
    }

    @Override
    public int remainingCapacity() {
        return getRemainingCapacity();
    }

    /** Removes and returns every waiting message. */
    public List<Message<?>> clear() {
        List<Message<?>> drained = new ArrayList<>();
        queue.drainTo(drained);
        return drained;
    }

    /**
     * Removes the waiting messages the selector does not accept.
     *
     * @return the removed messages
     */
    List<Message<?>> purge(MessageSelector keep) {
        List<Message<?>> removed = new ArrayList<>();
        for (Message<?> message : queue.toArray(Message<?>[]::new)) {
            if (!keep.accept(message) && queue.remove(message)) {
                removed.add(message);
            }
        }
        return removed;
    }
}
