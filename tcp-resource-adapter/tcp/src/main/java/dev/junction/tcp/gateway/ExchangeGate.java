package dev.junction.tcp.gateway;

/**
 * Lets exchanges in while an inbound endpoint runs and counts them, so that stopping can refuse new requests yet stop
 * the factory (which closes every connection) only once the exchanges in progress are done: their replies still need
 * their connections.
 */
final class ExchangeGate {

    private final Runnable stopFactory;
    private final Runnable closeConnections;
    private long inProgress; // guarded by this
    private boolean open; // guarded by this
    private boolean stopPending; // guarded by this

    /**
     * @param stopFactory      stops the endpoint's factory: closes every connection and waits for its tasks
     * @param closeConnections closes the open connections without waiting for anything
     */
    ExchangeGate(Runnable stopFactory, Runnable closeConnections) {
        this.stopFactory = stopFactory;
        this.closeConnections = closeConnections;
    }

    synchronized void open() {
        open = true;
    }

    /** @return whether the exchange may begin; {@link #leave()} must follow when it did */
    synchronized boolean enter() {
        if (!open) {
            return false;
        }
        inProgress++;
        return true;
    }

    /**
     * Ends an exchange; the last one of a closing gate stops the factory, from its own task, which the factory does
     * not wait for.
     */
    void leave() {
        boolean stop;
        synchronized (this) {
            inProgress--;
            stop = stopPending && inProgress == 0;
            if (stop) {
                stopPending = false;
            }
        }
        if (stop) {
            stopFactory.run();
        }
    }

    /** Refuses new exchanges, and stops the factory now or once the exchanges in progress are done. */
    void close() {
        synchronized (this) {
            open = false;
            if (inProgress > 0) {
                stopPending = true;
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

    synchronized long inProgress() {
        return inProgress;
    }
}
