package dev.junction.api.poller;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Skips whole polls while its {@link PollSkipStrategy} says so: the poll neither receives nor handles anything
 * and counts as having received nothing. The trigger keeps firing, so polling resumes by itself once the strategy
 * stops skipping. Put it first in a poller's advice chain to skip before any other advice (a transaction, say)
 * does its work.
 */
public final class PollSkipAdvice implements PollAdvice {

    private static final System.Logger LOG = System.getLogger(PollSkipAdvice.class.getName());

    private final PollSkipStrategy strategy;

    public PollSkipAdvice(PollSkipStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** @return {@code false} without polling when the strategy skips, else what the poll reported */
    @Override
    public boolean around(Poll poll) throws Exception {
        if (strategy.skipPoll()) {
            LOG.log(Level.DEBUG, () -> "Poll skipped by " + strategy);
            return false;
        }
        return poll.proceed();
    }

    @Override
    public String toString() {
        return "PollSkipAdvice[" + strategy + "]";
    }
}
