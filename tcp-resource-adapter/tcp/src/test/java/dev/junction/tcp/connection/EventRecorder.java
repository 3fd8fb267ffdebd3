package dev.junction.tcp.connection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it is told about, for assertions. */
final class EventRecorder implements TcpConnectionEventListener {

    private final List<TcpConnectionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(TcpConnectionEvent event) {
        events.add(event);
    }

    <E extends TcpConnectionEvent> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the events of one connection, in the order they were published */
    List<TcpConnectionEvent> of(String connectionId) {
        return events.stream().filter(e -> e.connectionId().equals(connectionId)).toList();
    }
}
