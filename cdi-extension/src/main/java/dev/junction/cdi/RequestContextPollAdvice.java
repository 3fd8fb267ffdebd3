package dev.junction.cdi;

import dev.junction.api.poller.PollAdvice;
import java.util.Objects;

/**
 * Runs each poll in a request context ({@link RequestContexts}): handlers running on poller and executor threads
 * can use {@code @RequestScoped} beans. Every poll gets a fresh request context, ended when it ends; a context
 * already active on the thread (a poll run by application code) is left as it is.
 */
final class RequestContextPollAdvice implements PollAdvice {

    private final RequestContexts contexts;

    RequestContextPollAdvice(RequestContexts contexts) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    @Override
    public boolean around(Poll poll) throws Exception {
        return contexts.call(poll::proceed);
    }
}
