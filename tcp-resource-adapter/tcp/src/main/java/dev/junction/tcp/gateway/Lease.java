package dev.junction.tcp.gateway;

import dev.junction.tcp.connection.TcpConnection;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/** A connection lent to one exchange, and what ends the loan, once. */
final class Lease {

    // A handle on a field rather than an AtomicBoolean: a lease is made for every exchange.
    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(Lease.class, "ended", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TcpConnection connection;
    private final Consumer<Boolean> end;
    @SuppressWarnings("unused") // through ENDED
    private volatile boolean ended;

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
        if (ENDED.compareAndSet(this, false, true)) {
            end.accept(abandoned);
        }
    }
}
