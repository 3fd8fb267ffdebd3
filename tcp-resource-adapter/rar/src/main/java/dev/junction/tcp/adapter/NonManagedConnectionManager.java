package dev.junction.tcp.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * The connection manager of Java SE, where no server pools connections: each allocation creates a managed
 * connection, and closing its handle (or its failure) destroys it. With a cache size the managed connection
 * factory's own cache keeps the sockets, so they are reused all the same.
 */
final class NonManagedConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        ManagedConnection connection = factory.createManagedConnection(null, info);
        connection.addConnectionEventListener(new DestroyWhenDone(connection));
        return connection.getConnection(null, info);
    }

    private record DestroyWhenDone(ManagedConnection connection) implements ConnectionEventListener {

        @Override
        public void connectionClosed(ConnectionEvent event) {
            destroy();
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            destroy();
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
            throw new UnsupportedOperationException("TCP connections take part in no transaction");
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
            throw new UnsupportedOperationException("TCP connections take part in no transaction");
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
            throw new UnsupportedOperationException("TCP connections take part in no transaction");
        }

        private void destroy() {
            try {
                connection.destroy();
            } catch (ResourceException e) {
                throw new IllegalStateException("Cannot destroy " + connection, e);
            }
        }
    }
}
