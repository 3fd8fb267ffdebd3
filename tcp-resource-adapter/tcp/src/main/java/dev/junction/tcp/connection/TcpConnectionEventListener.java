package dev.junction.tcp.connection;

/**
 * Told what happens to a factory's connections. Called on the connection's own task, so it should be quick; an
 * exception it throws is logged and never affects the connection or the other listeners.
 */
@FunctionalInterface
public interface TcpConnectionEventListener {

    /** @param event what happened */
    void onEvent(TcpConnectionEvent event);
}
