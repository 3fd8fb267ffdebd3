package dev.junction.tcp.gateway;

import dev.junction.tcp.connection.TcpConnection;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A connection lent to one exchange, and what ends the loan, once. */
final class Lease {

    private final TcpConnection connection;
    private final Consumer<Boolean> end;
    private final AtomicBoolean ended = new AtomicBoolean();

    /** @param end told whether the exchange was abandoned, its reply still to come on the connection */
    Lease(TcpConnection connection, Consumer<Boolean> end) {
        this.connection = connection;
        this.end = end;
    }

    TcpConnection connection() {
        return connection;
    }

    /** @param abandoned whether the requester gave up while the reply may still come */
    void end(boolean abandoned) {
        if (ended.compareAndSet(false, true)) {
            end.accept(abandoned);
        }
    }
}
