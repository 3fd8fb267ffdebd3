package dev.junction.api.poller;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link PollSkipStrategy} switched by hand (by application code, a health check or the control bus):
 * {@link #skipPolls()} makes every following poll skip until {@link #reset()}. Starts out polling. Thread-safe:
 * a switch made on any thread is seen by the next poll.
 */
public final class SimplePollSkipStrategy implements PollSkipStrategy {

    private final AtomicBoolean skip = new AtomicBoolean();

    /** Skips polls from now on, until {@link #reset()}. */
    public void skipPolls() {
        skip.set(true);
    }

    /** Polls again from now on. */
    public void reset() {
        skip.set(false);
    }

    @Override
    public boolean skipPoll() {
        return skip.get();
    }

    @Override
    public String toString() {
        return "SimplePollSkipStrategy[" + (skip.get() ? "skipping" : "polling") + "]";
    }
}
