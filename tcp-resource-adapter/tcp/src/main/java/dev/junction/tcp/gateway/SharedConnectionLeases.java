package dev.junction.tcp.gateway;

import dev.junction.api.error.MessagingException;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.message.Message;
import dev.junction.impl.support.Timeouts;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One request at a time on the factory's shared connection: a request takes the turn (the others queue for it, in
 * order, each up to the request timeout), and gives it back once its exchange ends, whichever thread ends it (an
 * asynchronous exchange ends on the connection's task).
 *
 * <p>An exchange abandoned by its requester still expects its reply on the connection. The next request waits for
 * that late reply, within its request timeout, and when it does not come closes the connection and takes a new one:
 * otherwise it would read the late reply as its own. When the requesters read their replies themselves, the one that
 * gives up closes the connection instead, and the next request finds it closed and takes a new one.
 */
final class SharedConnectionLeases implements ConnectionLeases {

    private static final System.Logger LOG = System.getLogger(SharedConnectionLeases.class.getName());

    private final TcpClientFactory factory;
    private final ReplyCorrelator correlator;
    private final Duration requestTimeout;
    private final String owner;
    private final boolean callerReads;
    private final Semaphore turn = new Semaphore(1, true);
    private final Consumer<Boolean> giveTurnBack = abandoned -> turn.release();

    SharedConnectionLeases(TcpClientFactory factory, ReplyCorrelator correlator, Duration requestTimeout,
                           String owner, boolean callerReads) {
        this.callerReads = callerReads;
        this.factory = factory;
        this.correlator = correlator;
        this.requestTimeout = requestTimeout;
        this.owner = owner;
    }

    @Override
    public Lease acquire(Message<?> request) {
        long deadline = System.nanoTime() + Math.min(Timeouts.toNanos(requestTimeout), Long.MAX_VALUE / 2);
        takeTurn(request);
        try {
            if (callerReads) {
                // a requester that gives up closes the connection: no late reply can be waiting on it
                return new Lease(ConnectionLeases.connectReady(factory, request, owner), giveTurnBack);
            }
            TcpConnection connection = ConnectionLeases.connect(factory, request, owner);
            PendingReply unresolved = correlator.unresolved(connection.id());
            if (unresolved != null && !unresolved.awaitResolved(deadline - System.nanoTime())) {
                LOG.log(Level.WARNING, "{0}: closing the shared connection {1}: the reply to a request that gave up"
                        + " waiting has not come, and the next request must not take it for its own", owner,
                        connection.id());
                connection.close();
                connection = ConnectionLeases.connect(factory, request, owner);
            }
            return new Lease(connection, giveTurnBack);
        } catch (RuntimeException | Error failed) {
            turn.release();
            throw failed;
        }
    }

    private void takeTurn(Message<?> request) {
        boolean taken;
        try {
            taken = turn.tryAcquire(Timeouts.toNanos(requestTimeout), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MessagingException(request, owner + ": interrupted while waiting for the shared connection");
        }
        if (!taken) {
            throw new MessageTimeoutException(request, owner + ": the shared connection did not become free within"
                    + " the request timeout of " + requestTimeout + " (one request at a time on it, "
                    + turn.getQueueLength() + " waiting); allow a longer request timeout, or send in parallel on"
                    + " single-use connections (a caching client factory)");
        }
    }
}
