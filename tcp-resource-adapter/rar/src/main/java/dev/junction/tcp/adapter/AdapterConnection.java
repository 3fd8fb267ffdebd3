package dev.junction.tcp.adapter;

import dev.junction.api.error.MessagingException;
import dev.junction.tcp.connection.CallerReadConnection;
import dev.junction.tcp.connection.TcpMessageListener;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One exchange's connection for a gateway: a handle lent by the adapter's connection factory, read by the requester
 * itself. Its id and addresses are those of the socket behind the handle, so the reply's headers name the pooled
 * connection. Closing it closes the handle: the server's pool takes the connection back.
 */
final class AdapterConnection implements CallerReadConnection {

    private final ConnectionHandle handle;
    private final TcpMessageListener listener;
    private final Consumer<AdapterConnection> onClose;

    AdapterConnection(ConnectionHandle handle, TcpMessageListener listener, Consumer<AdapterConnection> onClose) {
        this.handle = handle;
        this.listener = listener;
        this.onClose = onClose;
    }

    @Override
    public String id() {
        return handle.connection().id();
    }

    @Override
    public void send(byte[] payload) {
        handle.send(payload);
    }

    /** What came while nobody awaited it goes to the gateway's listener, which logs and drops it. */
    @Override
    public boolean prepareExchange() {
        if (!handle.isUsable()) {
            return false;
        }
        for (byte[] payload : handle.unread()) {
            listener.onMessage(this, payload);
        }
        return handle.isUsable();
    }

    @Override
    public byte[] receive(Duration timeout) {
        return handle.receive(timeout);
    }

    /** A pooled connection outlives the exchange: its output cannot be shut. */
    @Override
    public void shutdownOutput() {
        throw new MessagingException("The connections of the Junction TCP adapter are pooled and outlive an exchange:"
                + " their output cannot be shut after a request (closeStreamAfterSend); frame each message with a"
                + " serializer that marks its end");
    }

    @Override
    public void close() {
        handle.close();
        onClose.accept(this);
    }

    @Override
    public boolean isOpen() {
        return handle.isUsable();
    }

    @Override
    public String remoteHost() {
        return handle.connection().remoteHost();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return handle.connection().remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return handle.connection().localAddress();
    }

    @Override
    public String toString() {
        return "AdapterConnection[" + id() + "]";
    }
}
