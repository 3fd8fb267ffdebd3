package dev.junction.tcp.gateway;

import dev.junction.impl.support.Timeouts;
import dev.junction.tcp.connection.TcpConnection;

import java.time.Duration;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one reply an outbound exchange awaits on its connection. Its outcome is decided once, by whichever comes
 * first: the reply, the connection's end (or a failed send), or the requester giving up (the remote timeout). Each
 * is a single compare-and-set, so a reply racing with a socket error or a timeout is either the requester's reply or
 * not, never both, never lost.
 *
 * <p>Giving up does not free the connection: the reply is still expected on it, and only its arrival (it then goes
 * to the unsolicited channel) or the connection's end <em>resolve</em> the exchange. Until then no other request
 * may use the connection, or it would take that late reply for its own.
 */
final class PendingReply {

    /** How an exchange ended for its requester. */
    sealed interface Outcome {
        /** The reply arrived in time, on that connection. */
        record Replied(byte[] payload, TcpConnection connection) implements Outcome {
        }

        /** The send failed, or the connection ended before the reply. */
        record Failed(Throwable cause) implements Outcome {
        }

        /** The requester gave up waiting. */
        record TimedOut(Duration after) implements Outcome {
        }
    }

    /** What a reply or the connection's end means to the exchange. */
    enum Claim {
        /** It decides the requester's outcome. */
        ANSWER,
        /** The requester gave up before: it only resolves the exchange. */
        LATE,
        /** The exchange was already resolved: it is not this exchange's. */
        NONE
    }

    private enum State { WAITING, REPLIED, FAILED, ABANDONED, LATE_REPLIED, GONE }

    // A field and a handle rather than an AtomicReference and a latch: one exchange per round trip, so every
    // object saved here is saved on each of them.
    private static final VarHandle STATE;
    private static final VarHandle RESOLVED_SIGNAL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(PendingReply.class, "state", State.class);
            RESOLVED_SIGNAL = lookup.findVarHandle(PendingReply.class, "resolvedSignal", CountDownLatch.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String connectionId;
    private final CompletableFuture<Outcome> settled = new CompletableFuture<>();
    @SuppressWarnings("unused") // through STATE
    private volatile State state = State.WAITING;
    private volatile boolean resolved;
    // Made only by a request that waits for this exchange to be resolved (after its requester gave up): rare.
    private volatile CountDownLatch resolvedSignal;
    private volatile Throwable lastError;

    PendingReply(String connectionId) {
        this.connectionId = connectionId;
    }

    String connectionId() {
        return connectionId;
    }

    /** A payload arrived on the connection. */
    Claim claimReply() {
        return claim(State.REPLIED, State.LATE_REPLIED);
    }

    /** The send failed or the connection ended. */
    Claim claimEnd() {
        return claim(State.FAILED, State.GONE);
    }

    private Claim claim(State answered, State late) {
        if (STATE.compareAndSet(this, State.WAITING, answered)) {
            return Claim.ANSWER;
        }
        return STATE.compareAndSet(this, State.ABANDONED, late) ? Claim.LATE : Claim.NONE;
    }

    /** @return whether the requester gave up now; false when the outcome was already decided */
    boolean abandon(Duration after) {
        if (!STATE.compareAndSet(this, State.WAITING, State.ABANDONED)) {
            return false;
        }
        settled.complete(new Outcome.TimedOut(after));
        return true;
    }

    /** Tells the requester its outcome, after a claim that answered. */
    void settle(Outcome outcome) {
        settled.complete(outcome);
    }

    /** The connection no longer awaits anything for this exchange; called after it left the correlator. */
    void resolve() {
        resolved = true;
        CountDownLatch signal = resolvedSignal;
        if (signal != null) {
            signal.countDown();
        }
    }

    /** @return the outcome, completed once; dependent actions run on the thread that decided it */
    CompletableFuture<Outcome> settled() {
        return settled;
    }

    /**
     * Waits for the outcome, giving up after the timeout.
     *
     * @return the outcome; a {@link Outcome.TimedOut} when the timeout passed (or the thread was interrupted, its
     *         flag then restored) before anything else decided it
     */
    Outcome await(Duration timeout) {
        try {
            return settled.get(Timeouts.toNanos(timeout), TimeUnit.NANOSECONDS);
        } catch (TimeoutException expired) {
            abandon(timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abandon(timeout);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        // decided now: by this thread giving up, or by a reply that won the race a moment before
        return settled.join();
    }

    /** @return whether the exchange was resolved within the time, so that its connection is free */
    boolean awaitResolved(long nanos) {
        // Signal first, then look: resolve() sets the flag, then looks for the signal; one of us sees the other.
        RESOLVED_SIGNAL.compareAndSet(this, null, new CountDownLatch(1));
        if (resolved) {
            return true;
        }
        try {
            return resolvedSignal.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Remembers the I/O failure that is about to close the connection, for the requester's error. */
    void noteError(Throwable error) {
        lastError = error;
    }

    Throwable lastError() {
        return lastError;
    }
}
