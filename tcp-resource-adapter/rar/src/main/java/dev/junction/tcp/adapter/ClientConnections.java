package dev.junction.tcp.adapter;

import dev.junction.tcp.connection.BlockingTcpClientFactory;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionEvent;
import dev.junction.tcp.connection.TcpConnectionOptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The client connection factory behind one managed connection factory, and the routing of what servers send to
 * the managed connection owning each physical connection. The factory is single-use, so that each managed
 * connection owns its socket; with a cache size it is wrapped in a {@link CachingTcpClientFactory}, so that a
 * destroyed managed connection gives its socket back to be reused instead of closing it.
 */
final class ClientConnections {

    private final TcpClientFactory factory;
    private final CachingTcpClientFactory caching;
    private final Map<String, ManagedTcpConnection> owners = new ConcurrentHashMap<>();

    ClientConnections(String host, TcpConnectionOptions options, int cacheSize, Duration waitTimeout,
                      Executor executor) {
        TcpClientFactory plain = new BlockingTcpClientFactory(host, options, executor, this::deliver);
        this.caching = cacheSize > 0 ? new CachingTcpClientFactory(plain, cacheSize, waitTimeout) : null;
        this.factory = caching != null ? caching : plain;
        factory.addEventListener(this::onEvent);
        factory.start();
    }

    /** @return a connection of the caller's own, whose payloads and failures go to {@code owner} */
    TcpConnection open(ManagedTcpConnection owner) {
        TcpConnection connection = factory.getConnection();
        owners.put(connection.id(), owner);
        return connection;
    }

    /**
     * Gives a connection up: back to the cache when there is one and the connection is sound, else closed. No
     * event of it reaches its former owner any more.
     */
    void release(TcpConnection connection, boolean sound) {
        owners.remove(connection.id());
        if (caching == null) {
            connection.close();
        } else if (sound) {
            caching.release(connection);
        } else {
            caching.discard(connection);
        }
    }

    /** Closes every connection, lent or cached, and returns once every task of the factory has ended. */
    void stop() {
        factory.stop();
        owners.clear();
    }

    /** @return how many physical connections are open */
    int openConnections() {
        return factory.openConnections().size();
    }

    private void deliver(TcpConnection connection, byte[] payload) {
        ManagedTcpConnection owner = owners.get(connection.id());
        if (owner != null) {
            owner.received(payload);
        }
    }

    private void onEvent(TcpConnectionEvent event) {
        ManagedTcpConnection owner = owners.get(event.connectionId());
        if (owner == null) {
            return;
        }
        if (event instanceof TcpConnectionEvent.Closed) {
            owner.failed(new IllegalStateException("the connection " + event.connectionId() + " was closed"));
        } else if (event instanceof TcpConnectionEvent.ExceptionOccurred failure) {
            owner.failed(failure.cause());
        } else if (event instanceof TcpConnectionEvent.DeserializationFailed failure) {
            owner.failed(failure.cause());
        }
    }
}
