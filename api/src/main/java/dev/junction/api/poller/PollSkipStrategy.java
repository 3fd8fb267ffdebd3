package dev.junction.api.poller;

/**
 * Decides, before each poll, whether to skip it: for example while a downstream system is unavailable, so that
 * messages stay where they are instead of failing one by one. Used by {@link PollSkipAdvice}; called on the
 * poller's thread at every trigger firing, so it must be cheap and thread-safe.
 */
@FunctionalInterface
public interface PollSkipStrategy {

    /** @return {@code true} to skip the coming poll */
    boolean skipPoll();
}
