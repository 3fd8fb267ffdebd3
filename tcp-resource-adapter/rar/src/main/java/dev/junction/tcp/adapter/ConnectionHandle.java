package dev.junction.tcp.adapter;

import dev.junction.api.error.MessagingException;
import dev.junction.tcp.connection.TcpConnection;

import java.time.Duration;
import java.util.List;

/** The application's handle on a managed connection; see {@link TcpClientConnection}. */
final class ConnectionHandle implements TcpClientConnection {

    private volatile ManagedTcpConnection owner;
    private volatile boolean closed;

    ConnectionHandle(ManagedTcpConnection owner) {
        this.owner = owner;
    }

    @Override
    public byte[] sendAndReceive(byte[] request) {
        return open().exchange(request);
    }

    @Override
    public void send(byte[] payload) {
        open().send(payload);
    }

    /** Waits for the next message the peer sends, up to the timeout: see {@link ManagedTcpConnection#receive}. */
    byte[] receive(Duration timeout) {
        return open().receive(timeout);
    }

    /** @return what the peer sent that nobody awaited since the last exchange */
    List<byte[]> unread() {
        return open().unread();
    }

    /** @return whether the handle is open and its connection may still be used */
    boolean isUsable() {
        return !closed && owner.isValid();
    }

    /** @return the physical connection behind the handle now */
    TcpConnection connection() {
        return owner.connection();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner.closed(this);
        }
    }

    /** Closed by the pool ({@code cleanup}), not by the application: no event. */
    void invalidate() {
        closed = true;
    }

    /** Re-associated by the server to another managed connection. */
    void moveTo(ManagedTcpConnection target) {
        ManagedTcpConnection previous = owner;
        owner = target;
        previous.disown(this);
        target.adopt(this);
    }

    private ManagedTcpConnection open() {
        if (closed) {
            throw new MessagingException("This TCP connection handle is closed; get another from the factory");
        }
        return owner;
    }
}
