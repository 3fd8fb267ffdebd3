package dev.junction.tcp.gateway;

import dev.junction.api.error.MessagingException;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionEvent;
import dev.junction.tcp.connection.TcpConnectionEventListener;
import dev.junction.tcp.connection.TcpMessageListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches what arrives on an outbound gateway's connections to the exchanges awaiting it. TCP frames carry no
 * correlation id, so the connection is the correlation: a connection has at most one exchange awaiting a reply (the
 * leases see to it), and a payload arriving on it is that exchange's reply. An exchange leaves the correlator before
 * its requester learns the outcome, so that the next exchange on the connection always finds its place free.
 */
final class ReplyCorrelator implements TcpMessageListener, TcpConnectionEventListener {

    private final Map<String, PendingReply> pending = new ConcurrentHashMap<>();
    private final UnsolicitedMessages unsolicited;
    private final String owner;

    ReplyCorrelator(UnsolicitedMessages unsolicited, String owner) {
        this.unsolicited = unsolicited;
        this.owner = owner;
    }

    /**
     * @return the exchange that now awaits the connection's next payload
     * @throws IllegalStateException when another exchange awaits it: a lease was not respected
     */
    PendingReply expect(TcpConnection connection) {
        PendingReply exchange = new PendingReply(connection.id());
        PendingReply other = pending.putIfAbsent(connection.id(), exchange);
        if (other != null) {
            throw new IllegalStateException(owner + ": connection " + connection.id() + " already awaits a reply");
        }
        return exchange;
    }

    /** @return the exchange still unresolved on that connection (one whose requester gave up), or {@code null} */
    PendingReply unresolved(String connectionId) {
        return pending.get(connectionId);
    }

    /** The exchange's request could not be sent. */
    void fail(PendingReply exchange, Throwable cause) {
        end(exchange, cause);
    }

    @Override
    public void onMessage(TcpConnection connection, byte[] payload) {
        PendingReply exchange = pending.get(connection.id());
        PendingReply.Claim claim = exchange == null ? PendingReply.Claim.NONE : exchange.claimReply();
        if (claim != PendingReply.Claim.NONE) {
            pending.remove(connection.id(), exchange);
            if (claim == PendingReply.Claim.ANSWER) {
                exchange.settle(new PendingReply.Outcome.Replied(payload, connection));
            }
            exchange.resolve();
        }
        if (claim != PendingReply.Claim.ANSWER) {
            unsolicited.accept(connection, payload, claim == PendingReply.Claim.LATE);
        }
    }

    @Override
    public void onEvent(TcpConnectionEvent event) {
        PendingReply exchange = pending.get(event.connectionId());
        if (exchange == null) {
            return;
        }
        if (event instanceof TcpConnectionEvent.ExceptionOccurred failure) {
            exchange.noteError(failure.cause());
        } else if (event instanceof TcpConnectionEvent.DeserializationFailed failure) {
            exchange.noteError(failure.cause());
        } else if (event instanceof TcpConnectionEvent.Closed) {
            Throwable cause = exchange.lastError();
            end(exchange, new MessagingException(null, owner + ": connection " + event.connectionId()
                    + " closed before the reply arrived" + (cause == null ? "" : ": " + cause.getMessage()), cause));
        }
    }

    private void end(PendingReply exchange, Throwable cause) {
        PendingReply.Claim claim = exchange.claimEnd();
        if (claim == PendingReply.Claim.NONE) {
            return;
        }
        pending.remove(exchange.connectionId(), exchange);
        if (claim == PendingReply.Claim.ANSWER) {
            exchange.settle(new PendingReply.Outcome.Failed(cause));
        }
        exchange.resolve();
    }
}
