package dev.junction.tcp.connection;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Lends connections from a pool of at most {@link #poolSize()}, made by a single-use client factory: a caller
 * gets a connection of its own for an exchange and gives it back by closing it (or {@link #release}), and the next
 * caller reuses it instead of connecting again. A connection found broken is dropped and replaced, never lent.
 * When all are lent, {@link #getConnection()} waits up to the wait timeout for one to come back, then fails. A
 * thread is lent the connection it gave back last when that one is idle (else the one given back most recently), so
 * that a borrower keeps talking to the same server thread, as a client with a connection of its own would.
 *
 * <p>Payloads go to the target factory's listener, with the physical connection: it has the same
 * {@link TcpConnection#id()} as the lent one, which is what to correlate by. Starting and stopping this factory
 * starts and stops the target; its options, connections and event listeners are the target's.
 */
public final class CachingTcpClientFactory implements TcpClientFactory {

    /** Default {@link #poolSize()}: 10 connections. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Default {@link #waitTimeout()}: 2 seconds. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(2);

    private final TcpClientFactory target;
    private final int poolSize;
    private final Duration waitTimeout;
    private final Object lifecycle = new Object();
    private volatile ConnectionPool pool;

    /** A pool of {@link #DEFAULT_POOL_SIZE} connections waited for up to {@link #DEFAULT_WAIT_TIMEOUT}. */
    public CachingTcpClientFactory(TcpClientFactory target) {
        this(target, DEFAULT_POOL_SIZE, DEFAULT_WAIT_TIMEOUT);
    }

    /**
     * @param target      makes the connections; must be single-use, so that each of its connections is new
     * @param poolSize    the most connections lent at once
     * @param waitTimeout how long {@link #getConnection()} waits for a free connection; zero: not at all
     * @throws IllegalArgumentException naming the invalid value
     */
    public CachingTcpClientFactory(TcpClientFactory target, int poolSize, Duration waitTimeout) {
        this.target = Objects.requireNonNull(target, "target");
        if (!target.options().singleUse()) {
            throw new IllegalArgumentException("The target of a caching client factory must be single-use "
                    + "(TcpConnectionOptions.singleUse(true)), else it hands out one shared connection: " + target);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("A caching client factory's poolSize must be at least 1, was "
                    + poolSize);
        }
        if (waitTimeout == null || waitTimeout.isNegative()) {
            throw new IllegalArgumentException("A caching client factory's waitTimeout must be zero or positive, was "
                    + waitTimeout);
        }
        this.poolSize = poolSize;
        this.waitTimeout = waitTimeout;
    }

    /** @return the most connections lent at once */
    public int poolSize() {
        return poolSize;
    }

    /** @return how long {@link #getConnection()} waits for a connection to be given back */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /**
     * @return a connection lent to the caller alone until it is closed or {@linkplain #release released}
     * @throws dev.junction.api.error.MessagingException when none became free within the wait timeout, or a new
     *         connection cannot be established
     * @throws IllegalStateException when the factory is not running
     */
    @Override
    public TcpConnection getConnection() {
        ConnectionPool current = pool;
        if (current == null) {
            throw new IllegalStateException(this + " is not running: call start() first");
        }
        return current.lend();
    }

    /**
     * Gives a lent connection back, like closing it.
     *
     * @throws IllegalArgumentException when the connection was not lent by this factory
     */
    public void release(TcpConnection connection) {
        if (!(connection instanceof PooledTcpConnection pooled) || !pooled.lentBy(this)) {
            throw new IllegalArgumentException(connection + " was not lent by " + this);
        }
        pooled.close();
    }

    /**
     * Gives a lent connection back to be closed rather than lent again: for a connection whose state is no longer
     * known, such as one on which a reply is still awaited although its requester gave up. The pool then connects
     * anew when needed. Does nothing when the connection was already given back.
     *
     * @throws IllegalArgumentException when the connection was not lent by this factory
     */
    public void discard(TcpConnection connection) {
        if (!(connection instanceof PooledTcpConnection pooled) || !pooled.lentBy(this)) {
            throw new IllegalArgumentException(connection + " was not lent by " + this);
        }
        pooled.discard();
    }

    /**
     * Has the target's connections read by the borrowers, from the next start on: the connections lent are then
     * {@link CallerReadConnection}s. See {@link TcpClientFactory#enableCallerReads()}.
     *
     * @return whether the target supports it; false when the target runs already (it was started on its own)
     * @throws IllegalStateException when this factory is running
     */
    @Override
    public boolean enableCallerReads() {
        synchronized (lifecycle) {
            if (pool != null) {
                throw new IllegalStateException(this + " is running: enable caller reads before starting it");
            }
            return !target.isRunning() && target.enableCallerReads();
        }
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (pool != null) {
                return;
            }
            target.start();
            pool = new ConnectionPool(poolSize, waitTimeout, target::getConnection, this);
        }
    }

    /** Closes the idle connections and stops the target, which closes those still lent. */
    @Override
    public void stop() {
        ConnectionPool stopping;
        synchronized (lifecycle) {
            stopping = pool;
            pool = null;
        }
        if (stopping != null) {
            stopping.close();
        }
        target.stop();
    }

    @Override
    public boolean isRunning() {
        return pool != null;
    }

    @Override
    public TcpConnectionOptions options() {
        return target.options();
    }

    @Override
    public List<TcpConnection> openConnections() {
        return target.openConnections();
    }

    @Override
    public void addEventListener(TcpConnectionEventListener listener) {
        target.addEventListener(listener);
    }

    @Override
    public void removeEventListener(TcpConnectionEventListener listener) {
        target.removeEventListener(listener);
    }

    @Override
    public String host() {
        return target.host();
    }

    @Override
    public String toString() {
        return "CachingTcpClientFactory[" + poolSize + " x " + target + "]";
    }
}
