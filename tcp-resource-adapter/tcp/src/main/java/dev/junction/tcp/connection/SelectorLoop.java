package dev.junction.tcp.connection;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The task of an NIO factory that waits on its {@link Selector} and hands ready channels to their {@link Handler}s.
 *
 * <p>Delivering on the selector's thread: what a handler read is delivered after the select, outside the selector's
 * lock, by the selecting thread itself (see {@link #deliver}), which spares a hand-off between threads per message.
 * So that a slow delivery (a listener that waits, a write waiting for the peer to read) cannot hold up every other
 * connection, a second task, the watch, looks every half of {@link TcpConnectionOptions#selectorHandOff()}: when a
 * delivery has lasted longer than that, the watching thread takes over selecting, and the thread that was delivering
 * becomes the watch once it is done. The two threads swap roles, so no third thread is needed for a take-over; the
 * thread that takes over first delivers what the slow thread's last select found and it had not begun. Should both
 * be slow at once, the other connections wait for the first of them to end. With a zero hand-off time every
 * delivery is a task of the executor and no watch runs.
 */
final class SelectorLoop {

    /** What is attached to a registered key. */
    interface Handler {

        /** Called on the selector's thread when the key is ready; must not block. */
        void ready(SelectionKey key) throws IOException;

        /** Called on the selector's thread now and then when a socket timeout is set; must not block. */
        default void checkIdle(long nowNanos, long timeoutNanos) {
        }
    }

    /** What a handler read and leaves for after the select: delivered by the selecting thread or by a task. */
    interface Delivery {

        /** Delivers on the calling thread, the selecting one. */
        void deliverHere();

        /** Delivers on a task of the executor. */
        void deliverOnTask();
    }

    private static final System.Logger LOG = System.getLogger(SelectorLoop.class.getName());

    private final Selector selector;
    private final String owner;
    private final TaskTracker tracker;
    private final long idleTimeoutNanos;
    private final long idleCheckMillis;
    private final long handOffNanos;
    private final ReentrantLock watchLock = new ReentrantLock();
    private final Condition watchSignal = watchLock.newCondition(); // a stop, or a hand-off asked for
    private boolean handOffWanted; // guarded by watchLock
    private volatile boolean running = true;
    // The thread that selects now, and when it began the delivery it is making (0: it is not delivering).
    private volatile Thread selecting;
    private volatile long deliveringSince;
    // The deliveries of the select in progress; touched only under the selector's lock, by the selecting thread.
    private List<Delivery> collected;
    // What the selecting thread's last select found, for the thread that takes over from it.
    private volatile Batch inProgress;
    private long nextIdleCheck = System.nanoTime(); // touched only by the selecting thread

    /**
     * @param owner   the factory, for log lines
     * @param tracker runs the loop's tasks
     * @param options the socket timeout (idle connections are closed) and the selector's hand-off time
     */
    SelectorLoop(String owner, TaskTracker tracker, TcpConnectionOptions options) throws IOException {
        this.selector = Selector.open();
        this.owner = owner;
        this.tracker = tracker;
        long idleTimeout = options.soTimeout().toMillis();
        this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeout);
        // Often enough that a connection is closed soon after its timeout, rarely enough to cost nothing.
        this.idleCheckMillis = idleTimeout == 0 ? 0 : Math.max(1, Math.min(idleTimeout / 4, 1000));
        this.handOffNanos = options.selectorHandOff().toNanos();
    }

    Selector selector() {
        return selector;
    }

    /** Gives the executor the selecting task, and the watch when deliveries are made on the selector's thread. */
    void start() {
        tracker.execute(() -> serve(true), this::close);
        if (handOffNanos > 0) {
            tracker.execute(() -> serve(false), () -> {
            });
        }
    }

    /**
     * Called by a handler on the selector's thread, during the select, with what it read: delivered after the select
     * by the thread that selected, or on a task when deliveries are not made on the selector's thread.
     */
    void deliver(Delivery delivery) {
        List<Delivery> pending = collected;
        if (pending != null) {
            pending.add(delivery);
        } else {
            delivery.deliverOnTask();
        }
    }

    /**
     * Called before a wait that may last (a write waiting for the peer to read): when the calling thread is the
     * selecting one, the watch takes over selecting at once rather than after the hand-off time.
     */
    void handOffIfSelecting() {
        if (handOffNanos > 0 && Thread.currentThread() == selecting) {
            watchLock.lock();
            try {
                handOffWanted = true;
                watchSignal.signalAll();
            } finally {
                watchLock.unlock();
            }
        }
    }

    /** Makes the loop end soon; does not wait for it. */
    void stop() {
        running = false;
        selector.wakeup();
        signalWatch();
    }

    /** Closes the selector, which completes the closing of every channel closed while registered. */
    void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing the selector of " + owner + " failed", e);
        }
        signalWatch();
    }

    private void signalWatch() {
        watchLock.lock();
        try {
            watchSignal.signalAll();
        } finally {
            watchLock.unlock();
        }
    }

    /**
     * One of the loop's threads: selects and delivers while it is the selecting one, else watches, until stopped.
     *
     * @param selectFirst whether this thread starts as the selecting one, else as the watch
     */
    private void serve(boolean selectFirst) {
        Thread me = Thread.currentThread();
        if (selectFirst) {
            selecting = me;
        }
        List<Delivery> deliveries = new ArrayList<>();
        // Under the selector's lock, so that deliver() adds to the list of the thread that selects.
        Consumer<SelectionKey> dispatcher = key -> {
            collected = handOffNanos > 0 ? deliveries : null;
            dispatch(key);
        };
        try {
            while (running) {
                if (selecting == me) {
                    selector.select(dispatcher, idleCheckMillis);
                    if (!deliveries.isEmpty()) {
                        Batch batch = new Batch(deliveries.toArray(new Delivery[0]));
                        deliveries.clear();
                        inProgress = batch;
                        deliverAll(batch, me);
                    }
                    if (idleTimeoutNanos > 0 && System.nanoTime() - nextIdleCheck >= 0) {
                        checkIdle();
                        nextIdleCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(idleCheckMillis);
                    }
                } else if (awaitTakeOver()) {
                    LOG.log(Level.DEBUG, "A delivery of {0} takes long: another thread selects meanwhile", owner);
                    selecting = me;
                    // The other thread may have gone back to the selector meanwhile: it holds the selector's lock
                    // until woken, and then finds that it is the watch now.
                    selector.wakeup();
                    // What that thread's last select found and it has not begun to deliver must not wait for its
                    // slow delivery to end: this thread delivers it.
                    Batch left = inProgress;
                    if (left != null) {
                        deliverAll(left, me);
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.log(Level.ERROR, "The selector of " + owner + " failed; its connections are no longer read", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the executor is shutting down: the watch ends
        } finally {
            if (!running || selecting == me) {
                close();
            }
        }
    }

    /**
     * Delivers the batch's deliveries one after the other, as long as any is left unclaimed: the thread that
     * selected them, and the thread that takes over from it should one of them take long, share what is left.
     */
    private void deliverAll(Batch batch, Thread me) {
        for (Delivery delivery; (delivery = batch.claim()) != null; ) {
            boolean timed = selecting == me;
            if (timed) {
                deliveringSince = System.nanoTime() | 1; // never 0, which means not delivering
            }
            try {
                delivery.deliverHere();
            } catch (RuntimeException | AssertionError e) {
                // As a task's failure would be: logged, and the other connections are served on.
                LOG.log(Level.ERROR, "A delivery of " + owner + " failed", e);
            } finally {
                if (timed) {
                    deliveringSince = 0;
                }
            }
        }
    }

    /**
     * The watch: looks every half of the hand-off time whether the selecting thread has been delivering for longer
     * than that (or asked to be relieved).
     *
     * @return whether this thread is to take over selecting; false when the loop stops
     */
    private boolean awaitTakeOver() throws InterruptedException {
        long tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), handOffNanos / 2);
        watchLock.lock();
        try {
            while (running) {
                if (handOffWanted) {
                    handOffWanted = false;
                    return true;
                }
                long since = deliveringSince;
                if (since != 0 && System.nanoTime() - since > handOffNanos) {
                    deliveringSince = 0; // the new selecting thread times its own deliveries
                    return true;
                }
                watchSignal.awaitNanos(tickNanos);
            }
            return false;
        } finally {
            watchLock.unlock();
        }
    }

    /** What one select collected: each delivery is claimed once, by whichever of the loop's threads comes first. */
    private static final class Batch {
        private final Delivery[] deliveries;
        private final AtomicInteger claimed = new AtomicInteger();

        Batch(Delivery[] deliveries) {
            this.deliveries = deliveries;
        }

        /** @return the next delivery nobody has claimed, or null when none is left */
        Delivery claim() {
            if (claimed.get() >= deliveries.length) {
                return null;
            }
            int next = claimed.getAndIncrement();
            return next < deliveries.length ? deliveries[next] : null;
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            if (key.isValid() && key.attachment() instanceof Handler handler) {
                handler.ready(key);
            }
        } catch (CancelledKeyException e) {
            // Closed by another thread while being handled: nothing left to do.
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Handling a ready channel of " + owner + " failed", e);
        }
    }

    private void checkIdle() {
        long now = System.nanoTime();
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof Handler handler) {
                handler.checkIdle(now, idleTimeoutNanos);
            }
        }
    }
}
