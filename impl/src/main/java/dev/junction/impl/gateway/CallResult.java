package dev.junction.impl.gateway;

import dev.junction.api.message.Message;

/**
 * What the messaging side of one call came back with: a reply, or none because the wait timed out, or none
 * because none was expected (a one-way send, an error flow that answered nothing). Failures are thrown instead.
 *
 * @param request the request that was sent, or {@code null} when the method only receives
 * @param reply the reply, or {@code null}
 * @param timedOut whether the reply did not come within the reply timeout
 */
record CallResult(Message<?> request, Message<?> reply, boolean timedOut) {

    static CallResult reply(Message<?> request, Message<?> reply) {
        return new CallResult(request, reply, false);
    }

    static CallResult timedOut(Message<?> request) {
        return new CallResult(request, null, true);
    }

    static CallResult noReply(Message<?> request) {
        return new CallResult(request, null, false);
    }
}
