package dev.junction.jaxrs;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The reply channel of one HTTP request awaiting its answer: it sits in the request message's {@code replyChannel} and
 * {@code errorChannel} headers, and nobody waits on it. The first reply (an {@code ErrorMessage} for a failure)
 * is handed to the {@link Outcome} on the replying thread; a timer task expires the exchange when the reply timeout
 * passes first. Exactly one of reply, expiry or {@link #end()} wins, by one compare-and-set each.
 *
 * <p>A reply arriving after the exchange expired or ended is accepted and dropped (logged at DEBUG): its flow did
 * nothing wrong, the client has had its answer, and refusing would make the flow fail. A second reply is refused and
 * logged at WARNING, because a flow that answers one request twice is usually wrong.
 */
final class PendingReply implements MessageChannel {

    private static final System.Logger LOG = System.getLogger(PendingReply.class.getName());

    /** What becomes of the exchange; each method is called at most once, and only one of them. */
    interface Outcome {

        void replied(Message<?> reply);

        void expired();
    }

    private enum State { WAITING, REPLIED, ENDED }

    /** Made only when logged or asked for: most exchanges never need it. */
    private final Supplier<String> name;
    private final Outcome outcome;
    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
    private volatile ScheduledFuture<?> expiry;

    PendingReply(Supplier<String> name, Outcome outcome) {
        this.name = name;
        this.outcome = outcome;
    }

    @Override
    public boolean send(Message<?> reply) {
        Objects.requireNonNull(reply, "reply must not be null");
        if (state.compareAndSet(State.WAITING, State.REPLIED)) {
            cancelExpiry();
            outcome.replied(reply);
            return true;
        }
        if (state.get() == State.ENDED) {
            LOG.log(Level.DEBUG, () -> name.get() + ": late reply dropped, the request was already answered: "
                    + reply);
            return true;
        }
        LOG.log(Level.WARNING, () -> name.get() + ": second reply refused, the request already has its reply: "
                + reply);
        return false;
    }

    /** Same as {@link #send(Message)}: handing over a reply never waits. */
    @Override
    public boolean send(Message<?> reply, Duration timeout) {
        return send(reply);
    }

    /**
     * Expires the exchange once {@code timeout} has passed without a reply, on the timer's thread. A timer that
     * refuses the task (shut down) expires it at once.
     */
    void expireAfter(Duration timeout, ScheduledExecutorService timer) {
        if (state.get() != State.WAITING) {
            return; // a direct flow replied while it was sent: nothing to wait for
        }
        try {
            expiry = timer.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            expire();
            return;
        }
        if (state.get() != State.WAITING) {
            cancelExpiry(); // the reply came while the task was being scheduled
        }
    }

    private void expire() {
        if (state.compareAndSet(State.WAITING, State.ENDED)) {
            outcome.expired();
        }
    }

    /**
     * Ends the exchange without a reply and without calling the outcome, for a requester that answers another
     * way (the request could not be sent).
     *
     * @return whether the exchange was still open, so the caller's answer is the only one
     */
    boolean end() {
        if (state.compareAndSet(State.WAITING, State.ENDED)) {
            cancelExpiry();
            return true;
        }
        return false;
    }

    private void cancelExpiry() {
        ScheduledFuture<?> scheduled = expiry;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @Override
    public String getName() {
        return name.get();
    }

    @Override
    public String toString() {
        return name.get();
    }
}
