package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.impl.core.TemporaryReplyChannel;

import java.time.Duration;
import java.util.function.Function;

/**
 * One request sent and its reply awaited, as a messaging gateway does it: the request carries a temporary reply
 * channel in its {@code replyChannel} and {@code errorChannel} headers, so the flow's reply, or its failure from
 * another thread, comes back to the waiting thread and nowhere else.
 */
final class RequestReply {

    private final Duration requestTimeout;
    private final Duration replyTimeout;
    private final String owner;

    /**
     * @param requestTimeout how long sending may block
     * @param replyTimeout   how long to wait for the reply once sent (a direct flow runs inside the send)
     */
    RequestReply(Duration requestTimeout, Duration replyTimeout, String owner) {
        this.requestTimeout = requestTimeout;
        this.replyTimeout = replyTimeout;
        this.owner = owner;
    }

    /**
     * @param role    what the channel is to the endpoint, for errors
     * @param request makes the message to send, given the channel its reply must go to
     * @return the reply, or {@code null} when none came within the reply timeout
     * @throws MessagingException when the request was not accepted, the flow failed, or it replied with an error
     */
    Message<?> exchange(MessageChannel channel, String role, Function<TemporaryReplyChannel, Message<?>> request) {
        TemporaryReplyChannel replies = replyChannel();
        return exchange(channel, role, request.apply(replies), replies);
    }

    /** @return a channel for one exchange's reply, to name in the request's headers */
    TemporaryReplyChannel replyChannel() {
        return new TemporaryReplyChannel(owner);
    }

    /**
     * @param outgoing the request, naming {@code replies} as its reply and error channel
     * @param replies  from {@link #replyChannel()}, used once
     * @return the reply, or {@code null} when none came within the reply timeout
     * @throws MessagingException when the request was not accepted, the flow failed, or it replied with an error
     */
    Message<?> exchange(MessageChannel channel, String role, Message<?> outgoing, TemporaryReplyChannel replies) {
        Message<?> reply;
        try {
            if (!channel.send(outgoing, requestTimeout)) {
                throw new MessageDeliveryException(outgoing, owner + ": the " + role + " '" + channel.getName()
                        + "' did not accept the request within the request timeout of " + requestTimeout);
            }
            reply = replies.receive(replyTimeout);
        } finally {
            replies.giveUp(); // a reply after this point is dropped by the channel, not kept
        }
        if (reply instanceof ErrorMessage error) {
            throw failure(error.getPayload(), error.getOriginalMessage().orElse(outgoing), owner);
        }
        return reply;
    }

    Duration replyTimeout() {
        return replyTimeout;
    }

    /** @return the failure as a {@link MessagingException} carrying the failed message */
    static MessagingException failure(Throwable cause, Message<?> request, String owner) {
        if (cause instanceof MessagingException messaging) {
            return messaging;
        }
        return new MessageHandlingException(request, owner + ": the flow failed: " + cause, cause);
    }
}
