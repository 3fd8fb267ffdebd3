package dev.junction.impl.channel;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue behind {@link QueueChannel}: a lock-free linked list ({@link LinkedElements}, whose senders and receivers
 * write lines of their own) made bounded by counts of reserved and released places, with waiting on either side only
 * when it cannot be avoided. Elements put back wait ahead of the list, in a deque of their own.
 * <ul>
 * <li>A receiver that finds the queue empty first spins briefly (another core usually brings the next element
 * within a microsecond), and only then parks under a lock. A sender signals only when a receiver is parked, so a busy
 * producer/consumer pair exchanges elements without the kernel.</li>
 * <li>Likewise a sender that finds the queue full spins, then parks; a receiver signals only when a sender is
 * parked.</li>
 * </ul>
 * A place stays reserved from the send until the receiver releases it: at once for {@link #poll}, and later for
 * {@link #takeBatch}, whose caller releases each element's place as it hands the element on
 * ({@link #releasePlaces}) or puts the elements back at the head of the queue in their order ({@link #putBack}); so
 * the queue together with the batches taken from it never holds more than its capacity.
 *
 * <p>Why not {@code LinkedBlockingQueue}: its two locks and the park/unpark on every empty-queue hand-off set the
 * ceiling of a producer/consumer pair. Why not {@code LinkedTransferQueue}'s own waiting: it parks a receiver after a
 * single yield, so every element sent to an idle receiver costs a park and an unpark.
 */
final class HandoffQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {

    private static final long WAIT_INDEFINITELY = -1;
    private static final boolean MULTI_CORE = Runtime.getRuntime().availableProcessors() > 1;
    /** Spinning only helps when another core can free a place meanwhile. */
    private static final int FULL_QUEUE_SPINS = MULTI_CORE ? 256 : 0;
    /** A few microseconds: long enough for a busy sender's next element, short enough not to matter when idle. */
    private static final int EMPTY_QUEUE_SPINS = MULTI_CORE ? 512 : 0;
    /**
     * A spinning receiver (sender) looks at the queue only once per this many spins (a power of two): each look
     * reads a line the other side writes for every element (the last node; the count of released places), and a
     * look per spin would make the other side wait for that line every time. Looking less often lets a few
     * elements (places) gather, which the spinning side then takes in one go.
     */
    private static final int SPINS_PER_LOOK = 8;

    private final LinkedElements<E> items = new LinkedElements<>();
    /**
     * Elements put back ({@link #putBack}), older than any in {@link #items}, so taken first. Almost always empty:
     * a look at it reads a line nobody writes.
     */
    private final ConcurrentLinkedDeque<E> returned = new ConcurrentLinkedDeque<>();
    private final int capacity;
    private final boolean bounded;
    /**
     * Places reserved by senders, ever; written by senders only. With {@link #released}, the count of places now
     * taken is {@code reserved - released}; two counters on lines of their own, so that a sender and a receiver do
     * not pull one line back and forth for every element.
     */
    private final PaddedCounter reserved = new PaddedCounter();
    // reserved.companion(): what a sender last read of released, a lower bound of it, so a reservation checked
    // against it never overfills the queue; senders re-read released only when the queue looks full by this bound.
    // Any sender may write it, on the line senders write anyway; a stale value written late only costs a re-read.
    /** Places freed by receivers, ever; written by receivers only. */
    private final PaddedCounter released = new PaddedCounter();
    /** Senders parked or about to park; read by every receiver, so on a line of its own, written only by them. */
    private final PaddedCounter waitingSenders = new PaddedCounter();
    private final ReentrantLock spaceLock = new ReentrantLock();
    private final Condition spaceAvailable = spaceLock.newCondition();
    /** Receivers parked or about to park; read by every sender, so on a line of its own, written only by them. */
    private final PaddedCounter waitingReceivers = new PaddedCounter();
    private final ReentrantLock itemLock = new ReentrantLock();
    private final Condition itemAvailable = itemLock.newCondition();

    HandoffQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.bounded = capacity != Integer.MAX_VALUE;
    }

    /** @return the most elements the queue holds, {@link Integer#MAX_VALUE} when unbounded */
    int capacity() {
        return capacity;
    }

    @Override
    public boolean offer(E element) {
        Objects.requireNonNull(element);
        if (!reservePlace()) {
            return false;
        }
        add(element, false);
        return true;
    }

    @Override
    public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(element);
        if (!reservePlace() && !spinForPlace() && !awaitPlace(Math.max(0, unit.toNanos(timeout)))) {
            return false;
        }
        add(element, false);
        return true;
    }

    @Override
    public void put(E element) throws InterruptedException {
        Objects.requireNonNull(element);
        if (!reservePlace() && !spinForPlace()) {
            awaitPlace(WAIT_INDEFINITELY);
        }
        add(element, false);
    }

    @Override
    public E poll() {
        return released(takeFirst());
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return released(awaitElement(Math.max(0, unit.toNanos(timeout))));
    }

    @Override
    public E take() throws InterruptedException {
        return released(awaitElement(WAIT_INDEFINITELY));
    }

    /**
     * Takes up to {@code max} elements: waits up to the timeout for the first one, then takes those already queued,
     * without waiting again. Their places stay reserved until the caller {@linkplain #releasePlaces releases} them or
     * {@linkplain #putBack puts the elements back}.
     *
     * @param timeoutNanos the longest wait for the first element, 0 for none, {@link #WAIT_INDEFINITELY} for no limit
     * @return how many elements were stored into {@code target} from index 0
     */
    int takeBatch(Object[] target, int max, long timeoutNanos) throws InterruptedException {
        E first = awaitElement(timeoutNanos);
        if (first == null) {
            return 0;
        }
        target[0] = first;
        int taken = 1;
        E next;
        while (taken < max && (next = takeFirst()) != null) {
            target[taken++] = next;
        }
        return taken;
    }

    /** Frees the places of {@code count} elements taken by {@link #takeBatch} and handed on. */
    void releasePlaces(int count) {
        if (count > 0 && bounded) {
            signalSenders(released.getAndAdd(count), count);
        }
    }

    /**
     * Puts elements taken by {@link #takeBatch} back at the head of the queue, in their order, on the places they
     * still hold.
     */
    void putBack(Object[] source, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            @SuppressWarnings("unchecked")
            E element = (E) source[i];
            add(element, true);
        }
    }

    @Override
    public E peek() {
        E first = returned.peekFirst();
        return first != null ? first : items.peek();
    }

    @Override
    public boolean remove(Object element) {
        if (returned.removeFirstOccurrence(element) || items.remove(element)) {
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
        while (drained < maxElements && (next = takeFirst()) != null) {
            target.add(next);
            drained++;
        }
        releasePlaces(drained);
        return drained;
    }

    @Override
    public int size() {
        if (!bounded) {
            return returned.size() + items.size();
        }
        // released first: the difference never goes negative; places freed and taken again between the two reads
        // can make it overstate, never beyond the capacity
        long freed = released.get();
        return (int) Math.min(capacity, reserved.get() - freed);
    }

    @Override
    public int remainingCapacity() {
        return Math.max(0, capacity - size());
    }

    /** A read-only view: removing through it would bypass the place count. */
    @Override
    public Iterator<E> iterator() {
        Iterator<E> older = returned.iterator();
        Iterator<E> newer = items.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return older.hasNext() || newer.hasNext();
            }

            @Override
            public E next() {
                return older.hasNext() ? older.next() : newer.next();
            }
        };
    }

    private void add(E element, boolean atHead) {
        if (atHead) {
            returned.addFirst(element);
        } else {
            items.add(element);
        }
        // after the element is in: a receiver that announced itself before we looked either sees it or gets the signal
        if (waitingReceivers.get() > 0) {
            itemLock.lock();
            try {
                itemAvailable.signal();
            } finally {
                itemLock.unlock();
            }
        }
    }

    /** @return the next element, its place still reserved, or {@code null} when none came in time */
    private E awaitElement(long nanos) throws InterruptedException {
        E element = takeFirst();
        if (element != null || nanos == 0) {
            return element;
        }
        long deadline = nanos == WAIT_INDEFINITELY ? 0 : System.nanoTime() + nanos;
        for (int spin = 1; spin <= EMPTY_QUEUE_SPINS; spin++) {
            Thread.onSpinWait();
            if ((spin & (SPINS_PER_LOOK - 1)) == 0 && hasElements()
                    && (element = takeFirst()) != null) {
                return element;
            }
        }
        return awaitSignalledElement(nanos == WAIT_INDEFINITELY ? WAIT_INDEFINITELY : deadline - System.nanoTime());
    }

    private E awaitSignalledElement(long nanos) throws InterruptedException {
        itemLock.lockInterruptibly(); // an interrupt during the spin ends the wait here
        try {
            // announce first, then re-check: a sender that adds an element after our check sees us and signals
            waitingReceivers.getAndAdd(1);
            E element = null;
            try {
                while ((element = takeFirst()) == null) {
                    if (nanos == WAIT_INDEFINITELY) {
                        itemAvailable.await();
                    } else if (nanos <= 0) {
                        return null;
                    } else {
                        nanos = itemAvailable.awaitNanos(nanos);
                    }
                }
                return element;
            } finally {
                waitingReceivers.getAndAdd(-1);
                if (element == null && hasElements()) {
                    itemAvailable.signal(); // we leave without an element: a signal meant for us goes to another
                }
            }
        } finally {
            itemLock.unlock();
        }
    }

    /** @return the oldest element, removed (its place still reserved), or {@code null} when there is none */
    private E takeFirst() {
        if (!returned.isEmpty()) {
            E element = returned.pollFirst();
            if (element != null) {
                return element;
            }
        }
        return items.poll();
    }

    private boolean hasElements() {
        return !returned.isEmpty() || !items.isEmpty();
    }

    private boolean reservePlace() {
        if (!bounded) {
            return true;
        }
        while (true) {
            long current = reserved.get();
            if (current - reserved.companion() >= capacity) {
                long freed = released.get(); // looks full: see what receivers freed since
                reserved.companion(freed);
                if (current - freed >= capacity) {
                    return false;
                }
            }
            if (reserved.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /**
     * A full queue usually has a busy receiver freeing a place within a few hundred nanoseconds: spinning that
     * long is much cheaper than parking the sender and having the receiver wake it for every place.
     */
    private boolean spinForPlace() {
        for (int spin = 1; spin <= FULL_QUEUE_SPINS; spin++) {
            Thread.onSpinWait();
            if ((spin & (SPINS_PER_LOOK - 1)) == 0 && reservePlace()) {
                return true;
            }
        }
        return false;
    }

    private boolean awaitPlace(long nanos) throws InterruptedException {
        spaceLock.lockInterruptibly();
        try {
            // announce first, then re-check: a receiver that frees a place after our check sees us and signals
            waitingSenders.getAndAdd(1);
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
                if (waitingSenders.get() > 1 && reserved.get() - released.get() < capacity) {
                    spaceAvailable.signal(); // places remain: the next parked sender takes one
                }
                return true;
            } finally {
                waitingSenders.getAndAdd(-1);
            }
        } finally {
            spaceLock.unlock();
        }
    }

    private <T> T released(T element) {
        if (element != null && bounded) {
            signalSenders(released.getAndAdd(1), 1);
        }
        return element;
    }

    /**
     * Wakes a parked sender when places were freed in a full queue. Only then: a sender parks only on a full queue,
     * and a woken sender wakes the next one while places remain (see {@link #awaitPlace}), so a receiver does not
     * take the lock for every element it takes while a woken sender is still on its way. The common case reads
     * only a count written when a sender parks or leaves.
     *
     * <p>No lost wake-up: a parking sender announces itself, then reads {@link #released} and finds the queue full.
     * The first release it did not see started from the value it read, against at least the reservations it saw,
     * so that release finds the queue was full, and (coming after the announcement) sees the sender waiting.
     */
    private void signalSenders(long releasedBefore, int freedPlaces) {
        if (waitingSenders.get() > 0 && reserved.get() - releasedBefore >= capacity) {
            spaceLock.lock();
            try {
                if (freedPlaces == 1) {
                    spaceAvailable.signal();
                } else {
                    spaceAvailable.signalAll();
                }
            } finally {
                spaceLock.unlock();
            }
        }
    }
}
