package dev.junction.tcp.adapter;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;

import java.io.Serializable;

/**
 * What an application looks up or injects to talk TCP to the server a connection definition names:
 * <pre>{@code
 * @Resource(lookup = "java:/eis/junction/tcp/orders")
 * TcpClientConnectionFactory orders;
 *
 * try (TcpClientConnection connection = orders.getConnection()) {
 *     byte[] reply = connection.sendAndReceive(request);
 * }
 * }</pre>
 * In an application server the server pools the connections; in Java SE,
 * {@link TcpManagedConnectionFactory#createConnectionFactory()} returns one that opens a connection per
 * {@link #getConnection()} and closes it with the handle. Thread-safe.
 */
public interface TcpClientConnectionFactory extends Serializable, Referenceable {

    /**
     * @return a connection for the caller alone until it closes it
     * @throws ResourceException when no connection can be made (the server is unreachable, the pool is exhausted)
     *         or the connection definition is invalid (a coded message naming the property)
     */
    TcpClientConnection getConnection() throws ResourceException;
}
