package dev.junction.tcp.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container side of outbound connections, as a server's pool does it: free managed connections are offered to
 * {@code matchManagedConnections} before a new one is created; a closed handle gets its managed connection cleaned
 * up and back to the free set; an error destroys it. It records the events it received.
 */
final class HarnessPool implements ConnectionManager, ConnectionEventListener {

    private static final long serialVersionUID = 1L;

    private final Set<ManagedConnection> free = new HashSet<>();
    private final Set<ManagedConnection> all = new HashSet<>();
    private final List<String> events = new ArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection connection = factory.matchManagedConnections(new HashSet<>(free), null, info);
        if (connection == null) {
            connection = factory.createManagedConnection(null, info);
            connection.addConnectionEventListener(this);
            all.add(connection);
            created.incrementAndGet();
        } else {
            free.remove(connection);
        }
        return connection.getConnection(null, info);
    }

    @Override
    public synchronized void connectionClosed(ConnectionEvent event) {
        events.add("closed");
        ManagedConnection connection = (ManagedConnection) event.getSource();
        try {
            connection.cleanup();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
        if (all.contains(connection)) {
            free.add(connection);
        }
    }

    @Override
    public synchronized void connectionErrorOccurred(ConnectionEvent event) {
        events.add("error: " + event.getException().getMessage());
        ManagedConnection connection = (ManagedConnection) event.getSource();
        free.remove(connection);
        all.remove(connection);
        try {
            connection.destroy();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
        destroyed.incrementAndGet();
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
        throw new AssertionError("no transaction is declared");
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
        throw new AssertionError("no transaction is declared");
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
        throw new AssertionError("no transaction is declared");
    }

    /** Destroys every managed connection, as a server does when the pool is flushed or undeployed. */
    synchronized void flush() throws ResourceException {
        for (ManagedConnection connection : all) {
            connection.destroy();
            destroyed.incrementAndGet();
        }
        all.clear();
        free.clear();
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized Set<ManagedConnection> all() {
        return Set.copyOf(all);
    }

    int created() {
        return created.get();
    }

    int destroyed() {
        return destroyed.get();
    }
}
