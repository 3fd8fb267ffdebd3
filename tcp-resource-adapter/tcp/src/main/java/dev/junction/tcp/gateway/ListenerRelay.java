package dev.junction.tcp.gateway;

import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpMessageListener;

import java.util.Objects;

/**
 * The listener a factory is made with, passing payloads on to the endpoint made after it: a factory takes its
 * listener when it is constructed, and a declaration must see the factory (its kind, its options) before it builds
 * the endpoint. Nothing arrives before the factory starts, by which time the endpoint is set.
 */
final class ListenerRelay implements TcpMessageListener {

    private volatile TcpMessageListener target;

    void deliverTo(TcpMessageListener listener) {
        this.target = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void onMessage(TcpConnection connection, byte[] payload) {
        TcpMessageListener current = target;
        if (current == null) {
            throw new IllegalStateException("The TCP endpoint of this factory is not built: its declaration failed");
        }
        current.onMessage(connection, payload);
    }
}
