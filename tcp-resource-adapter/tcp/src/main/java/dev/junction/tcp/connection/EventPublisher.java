package dev.junction.tcp.connection;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands events to a factory's listeners, shielding the connection from a listener that throws. */
final class EventPublisher {

    private static final System.Logger LOG = System.getLogger(EventPublisher.class.getName());

    private final List<TcpConnectionEventListener> listeners = new CopyOnWriteArrayList<>();

    void add(TcpConnectionEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(TcpConnectionEventListener listener) {
        listeners.remove(listener);
    }

    void publish(TcpConnectionEvent event) {
        for (TcpConnectionEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A TCP connection event listener failed on " + event
                        + "; the connection goes on", e);
            }
        }
    }
}
