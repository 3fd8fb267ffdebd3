package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection lent by a {@link CachingTcpClientFactory}: closing it gives it back to the pool. Usable until then
 * only; the pool lends the same physical connection again under a new wrapper, so a stale reference cannot send on
 * someone else's loan.
 */
class PooledTcpConnection implements TcpConnection {

    private final TcpConnection connection;
    private final ConnectionPool pool;
    private final AtomicBoolean returned = new AtomicBoolean();
    // Set when the connection's state is no longer known to be clean: it is closed rather than lent again.
    private volatile boolean discard;

    PooledTcpConnection(TcpConnection connection, ConnectionPool pool) {
        this.connection = connection;
        this.pool = pool;
    }

    boolean lentBy(CachingTcpClientFactory factory) {
        return pool.owner() == factory;
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public void send(byte[] payload) {
        if (returned.get()) {
            throw new MessagingException("TCP connection " + connection.id() + " was given back to its pool");
        }
        connection.send(payload);
    }

    @Override
    public void shutdownOutput() {
        if (returned.get()) {
            throw new MessagingException("TCP connection " + connection.id() + " was given back to its pool");
        }
        discard = true;
        connection.shutdownOutput();
    }

    /** Gives the connection back to the pool; does nothing the second time. */
    @Override
    public void close() {
        if (returned.compareAndSet(false, true)) {
            pool.giveBack(connection, discard);
        }
    }

    /** Gives the connection back to be closed, never lent again; does nothing once given back. */
    void discard() {
        discard = true;
        close();
    }

    @Override
    public boolean isOpen() {
        return !returned.get() && connection.isOpen();
    }

    @Override
    public String remoteHost() {
        return connection.remoteHost();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return connection.localAddress();
    }

    @Override
    public String toString() {
        return "Pooled" + connection;
    }

    private void requireLent() {
        if (returned.get()) {
            throw new MessagingException("TCP connection " + connection.id() + " was given back to its pool");
        }
    }

    /** A lent connection that its borrower reads. */
    static final class ReadByCaller extends PooledTcpConnection implements CallerReadConnection {

        private final CallerReadConnection connection;
        private boolean prepared; // by the pool as it lent the connection: the first exchange need not look again

        /** @param prepared whether the pool prepared it, or it is new: nothing can have arrived on it since */
        ReadByCaller(CallerReadConnection connection, ConnectionPool pool, boolean prepared) {
            super(connection, pool);
            this.connection = connection;
            this.prepared = prepared;
        }

        @Override
        public boolean prepareExchange() {
            if (prepared) {
                prepared = false;
                return isOpen();
            }
            return isOpen() && connection.prepareExchange();
        }

        @Override
        public byte[] receive(Duration timeout) {
            super.requireLent();
            return connection.receive(timeout);
        }
    }
}
