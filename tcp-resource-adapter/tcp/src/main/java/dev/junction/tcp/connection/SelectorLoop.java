package dev.junction.tcp.connection;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

/**
 * The one task of an NIO factory that waits on its {@link Selector} and hands ready channels to their
 * {@link Handler}s. It does no reading and runs no listener: handlers dispatch that work to the executor, so a slow
 * listener never delays the other connections.
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

    private static final System.Logger LOG = System.getLogger(SelectorLoop.class.getName());

    private final Selector selector;
    private final String owner;
    private final long idleTimeoutNanos;
    private final long idleCheckMillis;
    private volatile boolean running = true;

    /**
     * @param owner       the factory, for log lines
     * @param idleTimeout the socket timeout in milliseconds, 0 for none
     */
    SelectorLoop(String owner, long idleTimeout) throws IOException {
        this.selector = Selector.open();
        this.owner = owner;
        this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeout);
        // Often enough that a connection is closed soon after its timeout, rarely enough to cost nothing.
        this.idleCheckMillis = idleTimeout == 0 ? 0 : Math.max(1, Math.min(idleTimeout / 4, 1000));
    }

    Selector selector() {
        return selector;
    }

    void run() {
        long nextIdleCheck = System.nanoTime();
        try {
            while (running) {
                selector.select(this::dispatch, idleCheckMillis);
                if (idleTimeoutNanos > 0 && System.nanoTime() - nextIdleCheck >= 0) {
                    checkIdle();
                    nextIdleCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(idleCheckMillis);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.log(Level.ERROR, "The selector of " + owner + " failed; its connections are no longer read", e);
            }
        } finally {
            close();
        }
    }

    /** Makes {@link #run()} end soon; does not wait for it. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    /** Closes the selector, which completes the closing of every channel closed while registered. */
    void close() {
        running = false;
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing the selector of " + owner + " failed", e);
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
