package dev.junction.impl.channel;

import dev.junction.api.message.Message;
import dev.junction.impl.support.Timeouts;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages a polling consumer takes from a {@link QueueChannel} several at a time, so that one wake-up of the
 * consumer serves every message already waiting (up to {@link #maxSize()}), and the channel's bookkeeping is paid
 * once per batch instead of once per message.
 *
 * <p>Each message keeps its place in the channel until it is taken from the batch: the channel and its batch
 * together never hold more than the channel's capacity, so a full channel blocks its senders as it did before, and
 * a place frees as each message goes to its handler, as with a plain receive. {@link #putBack()} returns the
 * messages not yet taken to the head of the channel, in their order, on the places they kept.
 *
 * <p>One thread fills the batch, and only once every message of the previous fill was taken or put back; any
 * thread may take ({@link #next()}) and put back, and each message goes to exactly one of them.
 */
public final class QueueBatch {

    /** Returned by {@link #fill} when the channel has interceptors, which must see each receive on its own. */
    public static final int NOT_BATCHED = -1;
    /** Enough to amortise a wake-up; few enough that a stopping consumer has little to put back. */
    static final int LARGEST = 64;
    /** A bounded channel batches at most this fraction of its capacity, so that a batch is a small part of it. */
    static final int CAPACITY_SHARE = 16;

    private static final long NEXT_MASK = 0xFFFF;
    private static final int SIZE_SHIFT = 16;
    private static final long SIZE_MASK = 0x7FFF;
    private static final long PUTTING_BACK = 1L << 31;
    private static final int FILL_SHIFT = 32;

    private final QueueChannel channel;
    private final HandoffQueue<Message<?>> queue;
    private final Message<?>[] messages;
    /**
     * The fill count (bits 32-63: a taker that read an older fill cannot claim a message of a newer one), whether
     * messages are being put back (bit 31), how many messages the current fill took (bits 16-30) and the index of the
     * next one to take (bits 0-15). A message is claimed by moving the index past it with a compare-and-set.
     */
    private final AtomicLong state = new AtomicLong();

    QueueBatch(QueueChannel channel, HandoffQueue<Message<?>> queue) {
        this.channel = channel;
        this.queue = queue;
        int capacity = queue.capacity();
        int size = capacity == Integer.MAX_VALUE ? LARGEST
                : Math.max(1, Math.min(LARGEST, capacity / CAPACITY_SHARE));
        this.messages = new Message<?>[size];
    }

    /** @return the most messages one fill takes */
    public int maxSize() {
        return messages.length;
    }

    /**
     * Takes up to {@code max} messages from the channel (at most {@link #maxSize()}): waits up to the timeout for
     * the first one, then takes those already waiting without waiting again. An interrupted wait takes nothing and
     * keeps the thread's interrupt flag set.
     *
     * @param timeoutNanos the longest wait for the first message, 0 for none, {@link Timeouts#INDEFINITE} for no limit
     * @return how many messages the batch now holds, 0 when none came in time, or {@link #NOT_BATCHED} when the
     *         channel has interceptors (receive from the channel itself then)
     * @throws IllegalStateException when messages of the previous fill are still in the batch
     */
    public int fill(long timeoutNanos, int max) {
        if (channel.interceptorSnapshot().length > 0) {
            return NOT_BATCHED;
        }
        long current = state.get();
        int previousSize = size(current);
        if (next(current) < previousSize) {
            throw new IllegalStateException("The batch of channel '" + channel.getName() + "' still holds "
                    + (previousSize - next(current)) + " messages; take or put them back before filling it again");
        }
        while ((state.get() & PUTTING_BACK) != 0) {
            Thread.onSpinWait(); // the messages put back go first: they are older than any still in the channel
        }
        int taken;
        try {
            taken = queue.takeBatch(messages, Math.min(max, messages.length), timeoutNanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
        if (taken < previousSize) {
            Arrays.fill(messages, taken, previousSize, null); // let handled messages be collected
        }
        if (taken > 0) {
            state.set(((fills(current) + 1) << FILL_SHIFT) | ((long) taken << SIZE_SHIFT));
        }
        return taken;
    }

    /**
     * Takes the next message of the batch, freeing its place in the channel.
     *
     * @return the message, or {@code null} when the batch holds none
     */
    public Message<?> next() {
        while (true) {
            long current = state.get();
            int next = next(current);
            int size = size(current);
            if (next >= size) {
                return null;
            }
            Message<?> message = messages[next]; // valid if the claim succeeds: no refill before the batch is empty
            if (state.compareAndSet(current, current + 1)) {
                queue.releasePlaces(1);
                return message;
            }
        }
    }

    /**
     * Returns the messages not yet taken to the head of the channel, in their order; they keep their places there.
     *
     * @return how many messages went back
     */
    public int putBack() {
        while (true) {
            long current = state.get();
            int next = next(current);
            int size = size(current);
            if (next >= size) {
                return 0;
            }
            Message<?>[] rest = Arrays.copyOfRange(messages, next, size);
            long emptied = current + (size - next);
            if (state.compareAndSet(current, emptied | PUTTING_BACK)) {
                try {
                    queue.putBack(rest, 0, rest.length);
                } finally {
                    state.set(emptied);
                }
                return rest.length;
            }
        }
    }

    /** @return how many messages the batch holds, not yet taken */
    public int remaining() {
        long current = state.get();
        return Math.max(0, size(current) - next(current));
    }

    private static int next(long state) {
        return (int) (state & NEXT_MASK);
    }

    private static int size(long state) {
        return (int) ((state >>> SIZE_SHIFT) & SIZE_MASK);
    }

    private static long fills(long state) {
        return state >>> FILL_SHIFT;
    }
}
