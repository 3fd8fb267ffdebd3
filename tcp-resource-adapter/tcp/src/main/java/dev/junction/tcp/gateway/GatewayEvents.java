package dev.junction.tcp.gateway;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Tells an endpoint's listeners about its events, shielding the exchange from a listener that throws. */
final class GatewayEvents {

    private static final System.Logger LOG = System.getLogger(GatewayEvents.class.getName());

    private final List<Consumer<? super TcpGatewayEvent>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<? super TcpGatewayEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(Consumer<? super TcpGatewayEvent> listener) {
        listeners.remove(listener);
    }

    void publish(TcpGatewayEvent event) {
        for (Consumer<? super TcpGatewayEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "A TCP gateway event listener failed on " + event, failed);
            }
        }
    }
}
