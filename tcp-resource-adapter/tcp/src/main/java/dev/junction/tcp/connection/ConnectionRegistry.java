package dev.junction.tcp.connection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The open connections of one start of a factory, so that stopping closes them all; once closed it refuses new
 * ones, which closes a connection that a task was still setting up while the factory stopped.
 */
final class ConnectionRegistry {

    private final Set<AbstractTcpConnection> open = new HashSet<>();
    private boolean closed;

    /** @return false when the registry is closed: the caller must close the connection */
    synchronized boolean add(AbstractTcpConnection connection) {
        if (closed) {
            return false;
        }
        open.add(connection);
        return true;
    }

    synchronized void remove(AbstractTcpConnection connection) {
        open.remove(connection);
    }

    synchronized List<TcpConnection> snapshot() {
        return List.copyOf(open);
    }

    void closeAll() {
        List<AbstractTcpConnection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(open);
        }
        toClose.forEach(AbstractTcpConnection::close);
    }
}
