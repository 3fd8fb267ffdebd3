package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code size} connections lent at once, idle ones kept for reuse. A permit is held for each lent
 * connection, so waiting for a free one is waiting for a permit. One per start of a {@link CachingTcpClientFactory}.
 */
final class ConnectionPool {

    private final int size;
    private final Duration waitTimeout;
    private final Supplier<TcpConnection> newConnection;
    private final CachingTcpClientFactory owner;
    private final Semaphore permits;
    // Most recently returned first: reusing warm connections lets the others idle out.
    private final Deque<TcpConnection> idle = new ConcurrentLinkedDeque<>();
    // The connection each thread gave back last, lent to that thread first when idle: a borrower keeps talking to the
    // same server thread (a blocking server has one per connection), and the two wake each other as a pair.
    private final ThreadLocal<TcpConnection> lastGivenBack = new ThreadLocal<>();
    private volatile boolean closed;

    ConnectionPool(int size, Duration waitTimeout, Supplier<TcpConnection> newConnection,
                   CachingTcpClientFactory owner) {
        this.size = size;
        this.waitTimeout = waitTimeout;
        this.newConnection = newConnection;
        this.owner = owner;
        this.permits = new Semaphore(size, true);
    }

    /** @throws MessagingException when no connection is free within the wait timeout, or connecting fails */
    TcpConnection lend() {
        acquirePermit();
        try {
            TcpConnection connection;
            while ((connection = takeIdle()) != null) {
                if (connection instanceof CallerReadConnection readByCaller) {
                    // Nobody read it while idle: see now whether the server closed it or sent something meanwhile.
                    if (readByCaller.prepareExchange()) {
                        return new PooledTcpConnection.ReadByCaller(readByCaller, this, true);
                    }
                } else if (connection.isOpen()) {
                    return new PooledTcpConnection(connection, this);
                }
                connection.close();
            }
            connection = newConnection.get();
            return connection instanceof CallerReadConnection readByCaller
                    ? new PooledTcpConnection.ReadByCaller(readByCaller, this, true)
                    : new PooledTcpConnection(connection, this);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** @return the idle connection this thread gave back last, else the most recently given back, or null */
    private TcpConnection takeIdle() {
        TcpConnection own = lastGivenBack.get();
        if (own != null) {
            lastGivenBack.remove();
            if (idle.removeFirstOccurrence(own)) {
                return own;
            }
        }
        return idle.pollFirst();
    }

    /**
     * Takes back a lent connection: kept when it still works, else dropped.
     *
     * @param discard close it even when it works: its state is unknown (a reply may still come on it)
     */
    void giveBack(TcpConnection connection, boolean discard) {
        try {
            if (!closed && !discard && connection.isOpen()) {
                idle.offerFirst(connection);
                lastGivenBack.set(connection);
            } else {
                connection.close();
            }
        } finally {
            permits.release();
        }
    }

    /** Closes the idle connections; those still lent are closed when given back. */
    void close() {
        closed = true;
        TcpConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    CachingTcpClientFactory owner() {
        return owner;
    }

    private void acquirePermit() {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(null, "Interrupted while waiting for a connection of " + owner, e);
        }
        if (!acquired) {
            throw new MessagingException("No connection of " + owner + " became free within " + waitTimeout
                    + ": all " + size + " are in use; release (close) connections after use, or enlarge the pool");
        }
    }
}
