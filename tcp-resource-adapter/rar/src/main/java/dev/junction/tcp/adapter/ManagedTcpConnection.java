package dev.junction.tcp.adapter;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.tcp.connection.TcpConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One physical TCP connection, owned by the server's pool (or, in Java SE, by the handle lent on it). Handles
 * ({@link ConnectionHandle}) send through it; what the peer sends is queued until a handle waits for it.
 *
 * <p>Events to the pool: {@code CONNECTION_CLOSED} when a handle is closed, {@code CONNECTION_ERROR_OCCURRED} once,
 * when the connection fails, is closed by the peer, or a reply does not come in time (a late reply would be taken
 * for the next request's), after which it is no longer valid and not matched. {@link #cleanup()} closes the handles
 * and forgets unread replies but keeps the socket, for the pool to lend it again; {@link #destroy()} gives the socket
 * up. No transactions: TCP has none, so neither an XA nor a local transaction is offered.
 */
final class ManagedTcpConnection implements ManagedConnection {

    /** Queued when the connection fails, so that a thread waiting for a reply stops waiting; compared by identity. */
    private static final byte[] FAILED = new byte[0];

    private final TcpManagedConnectionFactory factory;
    private final ConnectionRequestInfo requestInfo;
    private final ClientConnections client;
    private final TcpConnection connection;
    private final Duration replyTimeout;
    private final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile boolean destroyed;
    private volatile PrintWriter logWriter;

    ManagedTcpConnection(TcpManagedConnectionFactory factory, ConnectionRequestInfo requestInfo,
                         ClientConnections client, Duration replyTimeout) {
        this.factory = factory;
        this.requestInfo = requestInfo;
        this.client = client;
        this.replyTimeout = replyTimeout;
        this.connection = client.open(this);
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        requireUsable();
        ConnectionHandle handle = new ConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object handle) throws ResourceException {
        requireUsable();
        if (!(handle instanceof ConnectionHandle moved)) {
            throw new ResourceException("Not a handle of the Junction TCP adapter: " + handle);
        }
        moved.moveTo(this);
    }

    /** Adopts a handle moved here from another managed connection. */
    void adopt(ConnectionHandle handle) {
        handles.add(handle);
    }

    /** Forgets a handle moved to another managed connection, without an event. */
    void disown(ConnectionHandle handle) {
        handles.remove(handle);
    }

    @Override
    public void cleanup() {
        for (ConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        replies.clear();
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        cleanup();
        client.release(connection, !failed.get() && connection.isOpen());
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("TCP connections take part in no transaction (NoTransaction)");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("TCP connections take part in no transaction (NoTransaction)");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new TcpConnectionMetaData(connection.remoteAddress().toString());
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** @return whether the pool may lend it again: not destroyed, not failed, the socket open */
    boolean isValid() {
        return !destroyed && !failed.get() && connection.isOpen();
    }

    /** @return whether a request for this info may be served by this connection */
    boolean matches(TcpManagedConnectionFactory requested, ConnectionRequestInfo info) {
        return factory.equals(requested) && Objects.equals(requestInfo, info) && isValid();
    }

    byte[] exchange(byte[] request) {
        replies.clear();
        send(request);
        return receive(replyTimeout);
    }

    /**
     * Waits for the next message the peer sends, up to the timeout given; a connection that fails or is closed
     * meanwhile ends the wait at once.
     *
     * @throws MessageTimeoutException when none came in time: the connection is then given up, since a late reply
     *         would be taken for the next request's
     * @throws MessagingException when the connection failed, was closed, or the thread was interrupted
     */
    byte[] receive(Duration timeout) {
        byte[] reply;
        try {
            reply = failed.get() ? replies.poll() : replies.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
            throw new MessagingException(null, "Interrupted while waiting for a reply on " + connection.id(), e);
        }
        if (reply == FAILED || (reply == null && failed.get())) {
            throw new MessagingException("The TCP connection " + connection.id() + " failed or was closed before"
                    + " the reply came");
        }
        if (reply == null) {
            MessageTimeoutException expired = new MessageTimeoutException(null, "No reply on " + connection.id()
                    + " within the reply timeout of " + timeout + "; the connection is given up");
            fail(expired);
            throw expired;
        }
        return reply;
    }

    /** @return what the peer sent that nobody awaited, removed from the queue */
    List<byte[]> unread() {
        List<byte[]> unread = new ArrayList<>();
        replies.drainTo(unread);
        unread.removeIf(payload -> payload == FAILED);
        return unread;
    }

    /** @return the physical connection, for its id and addresses */
    TcpConnection connection() {
        return connection;
    }

    void send(byte[] payload) {
        if (failed.get() || destroyed) {
            throw new MessagingException("The TCP connection " + connection.id() + " is no longer usable");
        }
        try {
            connection.send(payload);
        } catch (MessagingException e) {
            fail(e);
            throw e;
        }
    }

    /** A handle was closed by the application: the pool takes the connection back. */
    void closed(ConnectionHandle handle) {
        if (handles.remove(handle)) {
            ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
            event.setConnectionHandle(handle);
            listeners.forEach(listener -> listener.connectionClosed(event));
        }
    }

    /** What the peer sent, for the next exchange. */
    void received(byte[] payload) {
        replies.add(payload);
    }

    /** The connection failed or was closed under us. */
    void failed(Throwable cause) {
        fail(cause);
    }

    private void fail(Throwable cause) {
        if (destroyed || !failed.compareAndSet(false, true)) {
            return;
        }
        replies.add(FAILED); // wakes a thread waiting for a reply
        Exception reported = cause instanceof Exception exception ? exception : new Exception(cause);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, reported);
        listeners.forEach(listener -> listener.connectionErrorOccurred(event));
    }

    private void requireUsable() throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException("The managed TCP connection is destroyed");
        }
    }

    @Override
    public String toString() {
        return "ManagedTcpConnection[" + connection.id() + "]";
    }
}
