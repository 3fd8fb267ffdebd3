package dev.junction.tcp.connection;

import java.io.Closeable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ends the writes of blocking connections that take longer than the send timeout: a blocking socket has no write
 * timeout of its own, and a peer that stops reading would otherwise hold the writing thread (often the connection's
 * reader, writing a reply) for ever. One task per start of a blocking factory, on its executor, when a send timeout
 * is set; it looks every quarter of the timeout (at most every second) and closes the socket of a write that is
 * overdue, which makes that write fail.
 */
final class SendWatchdog implements Closeable {

    private static final long LONGEST_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ConnectionRegistry registry;
    private final long timeoutNanos;
    private final long tickNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private boolean closed; // guarded by lock

    private SendWatchdog(ConnectionRegistry registry, long timeoutNanos) {
        this.registry = registry;
        this.timeoutNanos = timeoutNanos;
        this.tickNanos = Math.max(1, Math.min(timeoutNanos / 4, LONGEST_TICK_NANOS));
    }

    /**
     * Starts watching the context's connections, when its options set a send timeout.
     *
     * @return what stops the watching (does nothing when there is no send timeout)
     */
    static Closeable start(ConnectionContext context) {
        long timeoutNanos = context.options().sendTimeout().toNanos();
        if (timeoutNanos == 0) {
            return () -> {
            };
        }
        SendWatchdog watchdog = new SendWatchdog(context.registry(), timeoutNanos);
        context.tracker().execute(watchdog::run, () -> {
        });
        return watchdog;
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                closing.awaitNanos(tickNanos);
                if (!closed) {
                    check(System.nanoTime());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the executor is shutting down: stop watching
        } finally {
            lock.unlock();
        }
    }

    private void check(long nowNanos) {
        for (TcpConnection connection : registry.snapshot()) {
            if (connection instanceof SocketTcpConnection socket) {
                socket.checkSendTimeout(nowNanos, timeoutNanos);
            }
        }
    }

    /** Stops watching; the task ends soon after. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closing.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
