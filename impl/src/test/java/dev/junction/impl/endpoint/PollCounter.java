package dev.junction.impl.endpoint;

import dev.junction.api.poller.PollAdvice;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A poll advice for tests: numbers the polls, tells code running inside a poll which one it is, and counts the
 * polls that have finished (their error handling, which follows the advice chain, may still be under way).
 */
public final class PollCounter implements PollAdvice {

    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final ThreadLocal<Integer> current = new ThreadLocal<>();

    @Override
    public boolean around(Poll poll) throws Exception {
        current.set(started.incrementAndGet());
        try {
            return poll.proceed();
        } finally {
            current.remove();
            finished.incrementAndGet();
        }
    }

    /** @return how many polls have started */
    public int started() {
        return started.get();
    }

    /** @return how many polls have left the advice chain */
    public int finished() {
        return finished.get();
    }

    /** @return the number of the poll the calling thread is in, or 0 outside a poll */
    public int current() {
        Integer number = current.get();
        return number == null ? 0 : number;
    }
}
