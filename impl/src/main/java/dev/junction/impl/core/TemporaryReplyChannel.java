package dev.junction.impl.core;

import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.impl.support.Timeouts;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-shot channel that carries the reply to exactly one request back to the thread waiting for it. The
 * requester puts it into the request's {@code replyChannel} (and usually {@code errorChannel}) header, sends the
 * request and calls {@link #receive(Duration)}.
 *
 * <p>The exchange ends with the first receive that returns, or with {@link #giveUp()}:
 * <ul>
 * <li>the first reply sent before that is accepted and handed to the requester;</li>
 * <li>a reply sent after the requester stopped waiting (timed out, was interrupted, gave up) is refused:
 * {@code send} returns {@code false}, the refusal is logged at DEBUG, and the channel keeps no reference to
 * it;</li>
 * <li>a second reply is refused as well and logged at WARNING, because a flow that answers one request twice
 * is usually wrong.</li>
 * </ul>
 * A reply that races with the requester's timeout is either delivered or refused, never lost in between:
 * {@code send} returns {@code true} exactly when the requester gets the reply.
 *
 * <p>Sending never blocks, so the send timeout does not apply. Instances are cheap (a latch and one atomic
 * reference) and meant to be created per request; nothing registers them anywhere, so they are garbage as
 * soon as the request message is.
 */
public final class TemporaryReplyChannel implements PollableChannel {

    private static final System.Logger LOG = System.getLogger(TemporaryReplyChannel.class.getName());

    /** Markers of the exchange's state; while a reply waits for the requester, the state is the reply itself. */
    private enum Phase { WAITING, GAVE_UP, TAKEN }

    private final Object requestId;
    /**
     * WAITING, then either the reply message (then TAKEN once the requester has it) or GAVE_UP. Keeping the
     * reply in the state makes "accept the reply" and "stop waiting" one compare-and-set each, so exactly one
     * of them wins a race.
     */
    private final AtomicReference<Object> state = new AtomicReference<>(Phase.WAITING);
    private final CountDownLatch settled = new CountDownLatch(1);

    /**
     * @param requestId identifies the request in the channel name and in log entries (typically the request
     *        message's id); may be {@code null}
     */
    public TemporaryReplyChannel(Object requestId) {
        this.requestId = requestId;
    }

    /**
     * Accepts the reply if the requester is still waiting and no reply came before.
     *
     * @return {@code true} when the reply was accepted, {@code false} when it came too late or was a second one
     */
    @Override
    public boolean send(Message<?> reply) {
        Objects.requireNonNull(reply, "reply must not be null");
        if (state.compareAndSet(Phase.WAITING, reply)) {
            settled.countDown();
            return true;
        }
        logRefused(reply);
        return false;
    }

    /** Same as {@link #send(Message)}: handing over a reply never waits. */
    @Override
    public boolean send(Message<?> reply, Duration timeout) {
        Timeouts.toNanos(timeout); // validates the argument like every other channel does
        return send(reply);
    }

    /**
     * Waits as long as it takes for the reply.
     *
     * @return the reply, or {@code null} when the thread was interrupted (the interrupt flag is restored) or the
     *         exchange had already ended
     */
    @Override
    public Message<?> receive() {
        try {
            settled.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return takeReplyOrGiveUp();
    }

    /**
     * Waits at most {@code timeout} for the reply. Returning without one ends the exchange: later replies are
     * refused.
     *
     * @return the reply, or {@code null} when none came in time, the thread was interrupted (the interrupt flag
     *         is restored) or the exchange had already ended
     */
    @Override
    public Message<?> receive(Duration timeout) {
        long nanos = Timeouts.toNanos(timeout);
        if (nanos > 0) {
            try {
                settled.await(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return takeReplyOrGiveUp();
    }

    /**
     * Ends the exchange without a reply, for a requester that stops waiting for another reason (its request
     * could not be sent, for instance). A reply that already arrived is dropped; later replies are refused.
     */
    public void giveUp() {
        state.getAndUpdate(current -> current == Phase.TAKEN ? Phase.TAKEN : Phase.GAVE_UP);
        settled.countDown();
    }

    /** @return whether the exchange has ended: the reply was taken or the requester stopped waiting */
    public boolean isClosed() {
        Object current = state.get();
        return current == Phase.TAKEN || current == Phase.GAVE_UP;
    }

    private Message<?> takeReplyOrGiveUp() {
        while (true) {
            Object current = state.get();
            if (current instanceof Message<?> reply) {
                if (state.compareAndSet(current, Phase.TAKEN)) {
                    return reply;
                }
            } else if (current == Phase.WAITING) {
                if (state.compareAndSet(Phase.WAITING, Phase.GAVE_UP)) {
                    settled.countDown(); // wakes any other thread that waits on this exchange
                    return null;
                }
            } else {
                return null;
            }
            // lost a race with a concurrent send or receive: look at the new state
        }
    }

    private void logRefused(Message<?> reply) {
        if (state.get() == Phase.GAVE_UP) {
            // the requester has already seen its timeout; a slow flow would flood the log at a higher level
            LOG.log(Level.DEBUG, () -> "Late reply refused: the requester of " + requestId
                    + " stopped waiting before it arrived; reply: " + reply);
        } else {
            LOG.log(Level.WARNING, () -> "Second reply refused: request " + requestId
                    + " already received its reply; refused reply: " + reply);
        }
    }

    /** @return a description naming the request this channel answers */
    @Override
    public String getName() {
        return "temporaryReplyChannel[request=" + requestId + "]";
    }

    @Override
    public String toString() {
        return getName();
    }
}
