package dev.junction.tcp.gateway;

import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionEvent;
import dev.junction.tcp.connection.TcpConnectionEventListener;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections of a factory by id, kept from its events, so that a reply or an unsolicited message finds
 * its connection at once. Listens from before the factory starts, so it misses none.
 */
final class ConnectionIndex implements TcpConnectionEventListener {

    private final Map<String, TcpConnection> open = new ConcurrentHashMap<>();

    @Override
    public void onEvent(TcpConnectionEvent event) {
        if (event instanceof TcpConnectionEvent.Opened opened) {
            open.put(opened.connectionId(), opened.connection());
        } else if (event instanceof TcpConnectionEvent.Closed closed) {
            open.remove(closed.connectionId());
        }
    }

    /** @return the connection of that id, when it is open */
    Optional<TcpConnection> find(String id) {
        TcpConnection connection = open.get(id);
        return connection != null && connection.isOpen() ? Optional.of(connection) : Optional.empty();
    }
}
