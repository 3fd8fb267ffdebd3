package dev.junction.api.poller;

/**
 * Advice around a whole poll (receive and the downstream handling of every message received in it): a
 * transaction, a skip condition, a retry. Advices of a poller's chain nest in order: the first is outermost.
 */
@FunctionalInterface
public interface PollAdvice {

    /**
     * @param poll the rest of the chain; call {@link Poll#proceed()} to run it, or skip it
     * @return whether the poll received anything (as {@code proceed} reported, or {@code false} when skipped)
     * @throws Exception a failure of the poll, which goes to the poller's error handling
     */
    boolean around(Poll poll) throws Exception;

    /** The advised poll. */
    @FunctionalInterface
    interface Poll {
        /** @return whether a message was received */
        boolean proceed() throws Exception;
    }
}
