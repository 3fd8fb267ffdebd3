package dev.junction.tcp.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;

/** The connection factory an application gets; connections come from the server's pool or, in SE, are made. */
final class ConnectionFactoryHandle implements TcpClientConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final TcpManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    ConnectionFactoryHandle(TcpManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public TcpClientConnection getConnection() throws ResourceException {
        return (TcpClientConnection) manager.allocateConnection(factory, null);
    }

    /** @return the connection definition this factory lends connections of */
    TcpManagedConnectionFactory definition() {
        return factory;
    }

    /** @return whether a server's connection manager pools the connections, rather than Java SE's unmanaged one */
    boolean isPooledByServer() {
        return !(manager instanceof NonManagedConnectionManager);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
