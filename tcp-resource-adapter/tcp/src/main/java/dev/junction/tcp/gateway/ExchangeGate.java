package dev.junction.tcp.gateway;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets exchanges in while an inbound endpoint runs and counts them, so that stopping can refuse new requests yet stop
 * the factory (which closes every connection) only once the exchanges in progress are done: their replies still need
 * their connections.
 */
final class ExchangeGate {

    // Whether exchanges may enter, and how many are in progress, in one word: every exchange of every connection
    // enters and leaves, so they do it with one compare-and-set each rather than taking a lock.
    private static final long OPEN = 1L << 62;
    private static final long COUNT = OPEN - 1;

    private final Runnable stopFactory;
    private final Runnable closeConnections;
    private final AtomicLong state = new AtomicLong();
    private boolean stopPending; // guarded by this; set only while the gate is closed

    /**
     * @param stopFactory      stops the endpoint's factory: closes every connection and waits for its tasks
     * @param closeConnections closes the open connections without waiting for anything
     */
    ExchangeGate(Runnable stopFactory, Runnable closeConnections) {
        this.stopFactory = stopFactory;
        this.closeConnections = closeConnections;
    }

    synchronized void open() {
        state.getAndUpdate(current -> current | OPEN);
    }

    /** @return whether the exchange may begin; {@link #leave()} must follow when it did */
    boolean enter() {
        for (long current = state.get(); ; current = state.get()) {
            if ((current & OPEN) == 0) {
                return false;
            }
            if (state.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /**
     * Ends an exchange; the last one of a closing gate stops the factory, from its own task, which the factory does
     * not wait for.
     */
    void leave() {
        if (state.decrementAndGet() != 0) {
            return; // open, or others still in progress
        }
        boolean stop;
        synchronized (this) { // after close() set stopPending, since it cleared OPEN holding this lock
            stop = stopPending;
            stopPending = false;
        }
        if (stop) {
            stopFactory.run();
        }
    }

    /** Refuses new exchanges, and stops the factory now or once the exchanges in progress are done. */
    void close() {
        synchronized (this) {
            long before = state.getAndUpdate(current -> current & COUNT);
            if ((before & COUNT) > 0) {
                stopPending = true; // the last to leave finds it: it waits for this lock
                return;
            }
            stopPending = false;
        }
        stopFactory.run();
    }

    /**
     * No longer waits for the exchanges in progress: closes every connection at once, so that no peer waits in vain,
     * without waiting for the exchanges' tasks; the last of them still stops the factory when it ends.
     */
    void abandon() {
        synchronized (this) {
            if (!stopPending) {
                return;
            }
        }
        closeConnections.run();
    }

    /** Before a new start: stops the factory now when a stop still waits for exchanges of the previous run. */
    void settlePreviousStop() {
        synchronized (this) {
            if (!stopPending) {
                return;
            }
            stopPending = false;
        }
        stopFactory.run();
    }

    long inProgress() {
        return state.get() & COUNT;
    }
}
