package dev.junction.impl.channel;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue behind {@link QueueChannel}: a lock-free {@link LinkedTransferQueue} (a waiting receiver spins
 * briefly before it parks, so a hand-off between two busy threads rarely needs the kernel), made bounded by an
 * atomic count of reserved places. Only a sender that finds the queue full takes a lock, to wait for space; a
 * receiver signals it only when someone waits.
 *
 * <p>Why not {@code LinkedBlockingQueue}: its two locks and the park/unpark on every empty-queue hand-off set the
 * ceiling of a producer/consumer pair.
 */
final class HandoffQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {

    private static final long WAIT_INDEFINITELY = -1;
    /** Spinning only helps when another core can free a place meanwhile. */
    private static final int FULL_QUEUE_SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 256 : 0;

    private final LinkedTransferQueue<E> items = new LinkedTransferQueue<>();
    private final int capacity;
    private final boolean bounded;
    private final AtomicInteger reserved = new AtomicInteger();
    private final AtomicInteger waitingSenders = new AtomicInteger();
    private final ReentrantLock spaceLock = new ReentrantLock();
    private final Condition spaceAvailable = spaceLock.newCondition();

    HandoffQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.bounded = capacity != Integer.MAX_VALUE;
    }

    @Override
    public boolean offer(E element) {
        Objects.requireNonNull(element);
        if (!reservePlace()) {
            return false;
        }
        items.offer(element);
        return true;
    }

    @Override
    public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(element);
        if (!reservePlace() && !spinForPlace() && !awaitPlace(Math.max(0, unit.toNanos(timeout)))) {
            return false;
        }
        items.offer(element);
        return true;
    }

    @Override
    public void put(E element) throws InterruptedException {
        Objects.requireNonNull(element);
        if (!reservePlace() && !spinForPlace()) {
            awaitPlace(WAIT_INDEFINITELY);
        }
        items.offer(element);
    }

    @Override
    public E poll() {
        return released(items.poll());
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return released(items.poll(timeout, unit));
    }

    @Override
    public E take() throws InterruptedException {
        return released(items.take());
    }

    @Override
    public E peek() {
        return items.peek();
    }

    @Override
    public boolean remove(Object element) {
        if (items.remove(element)) {
            released(element);
            return true;
        }
        return false;
    }

    @Override
    public int drainTo(Collection<? super E> target) {
        return drainTo(target, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> target, int maxElements) {
        int drained = 0;
        E next;
        while (drained < maxElements && (next = poll()) != null) {
            target.add(next);
            drained++;
        }
        return drained;
    }

    @Override
    public int size() {
        return bounded ? reserved.get() : items.size();
    }

    @Override
    public int remainingCapacity() {
        return Math.max(0, capacity - size());
    }

    /** A read-only view: removing through it would bypass the place count. */
    @Override
    public Iterator<E> iterator() {
        Iterator<E> delegate = items.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return delegate.hasNext();
            }

            @Override
            public E next() {
                return delegate.next();
            }
        };
    }

    private boolean reservePlace() {
        if (!bounded) {
            return true;
        }
        for (int current = reserved.get(); current < capacity; current = reserved.get()) {
            if (reserved.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A full queue usually has a busy receiver freeing a place within a few hundred nanoseconds: spinning that
     * long is much cheaper than parking the sender and having the receiver wake it for every place.
     */
    private boolean spinForPlace() {
        for (int spin = 0; spin < FULL_QUEUE_SPINS; spin++) {
            Thread.onSpinWait();
            if (reservePlace()) {
                return true;
            }
        }
        return false;
    }

    private boolean awaitPlace(long nanos) throws InterruptedException {
        spaceLock.lockInterruptibly();
        try {
            // announce first, then re-check: a receiver that frees a place after our check sees us and signals
            waitingSenders.incrementAndGet();
            try {
                while (!reservePlace()) {
                    if (nanos == WAIT_INDEFINITELY) {
                        spaceAvailable.await();
                    } else if (nanos <= 0) {
                        return false;
                    } else {
                        nanos = spaceAvailable.awaitNanos(nanos);
                    }
                }
                return true;
            } finally {
                waitingSenders.decrementAndGet();
            }
        } finally {
            spaceLock.unlock();
        }
    }

    private <T> T released(T element) {
        if (element != null && bounded) {
            reserved.decrementAndGet();
            if (waitingSenders.get() > 0) {
                spaceLock.lock();
                try {
                    spaceAvailable.signal();
                } finally {
                    spaceLock.unlock();
                }
            }
        }
        return element;
    }
}
