package dev.junction.tcp.adapter;

import dev.junction.api.error.MessagingException;

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
