package dev.junction.impl.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.core.TemporaryReplyChannel;
import java.time.Duration;

/**
 * The messaging side of one gateway method: its channels and timeouts, and the three ways a call uses them
 * (send, send and wait for the reply, receive).
 *
 * <p>Request and reply follow the protocol of {@code MessagingTemplate.sendAndReceive}: a fresh
 * {@link TemporaryReplyChannel} per call, put into the {@code replyChannel} and {@code errorChannel} headers,
 * and given up once the call stops waiting, so a late reply is refused and nothing is kept. The template itself
 * is not used because a gateway needs two things it does not offer: routing the reply through an explicit reply
 * channel ({@link ReplyBridge}), and the {@code ErrorMessage} itself rather than an exception, for its error
 * channel.
 */
final class MethodExchange {

    private final String label;
    private final MessageChannel requestChannel;
    private final MessageChannel replyChannel;
    private final ReplyBridge bridge;
    private final MessageChannel errorChannel;
    private final Duration requestTimeout;
    private final Duration replyTimeout;

    /**
     * @param replyChannel the explicit reply channel, or {@code null}
     * @param bridge the bridge from the explicit reply channel, for a method that waits for replies on it
     * @param errorChannel the gateway's error channel, put into one-way requests so that asynchronous failures
     *        reach it; {@code null} for none
     * @param requestTimeout {@code null} for unbounded
     * @param replyTimeout {@code null} for unbounded
     */
    MethodExchange(String label, MessageChannel requestChannel, MessageChannel replyChannel, ReplyBridge bridge,
            MessageChannel errorChannel, Duration requestTimeout, Duration replyTimeout) {
        this.label = label;
        this.requestChannel = requestChannel;
        this.replyChannel = replyChannel;
        this.bridge = bridge;
        this.errorChannel = errorChannel;
        this.requestTimeout = requestTimeout;
        this.replyTimeout = replyTimeout;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    Duration replyTimeout() {
        return replyTimeout;
    }

    /**
     * Builds a one-way request: replies go to the explicit reply channel, if any, and asynchronous failures to
     * the error channel, if any; headers the caller mapped for these win.
     */
    Message<?> oneWayRequest(MessageBuilder<?> request) {
        if (replyChannel != null) {
            request.setHeaderIfAbsent(MessageHeaders.REPLY_CHANNEL, replyChannel);
        }
        if (errorChannel != null) {
            request.setHeaderIfAbsent(MessageHeaders.ERROR_CHANNEL, errorChannel);
        }
        return request.build();
    }

    /**
     * Builds the request of a call that waits for its reply on {@code replies}: replacing any reply and error
     * channel headers the caller mapped, since the gateway must receive the answer itself.
     */
    Message<?> requestReplyRequest(MessageBuilder<?> request, TemporaryReplyChannel replies) {
        if (bridge == null) {
            request.setReplyChannel(replies);
        } else {
            request.setReplyChannel(replyChannel).setHeader(ReplyBridge.ROUTE_HEADER, bridge.routeTo(replies));
        }
        return request.setErrorChannel(replies).build();
    }

    /**
     * Sends and waits for the reply. With a direct flow the whole flow runs inside the send, so the reply
     * timeout starts only when it has returned.
     *
     * @return the reply (possibly an {@code ErrorMessage}), or {@code null} when none came in time or the
     *         waiting thread was interrupted (its interrupt flag stays set)
     * @throws dev.junction.api.error.MessagingException when the send failed (a direct flow failing included)
     */
    Message<?> sendAndReceive(Message<?> request, TemporaryReplyChannel replies) {
        try {
            send(requestChannel, request, requestTimeout, label, "request channel");
            return replyTimeout == null ? replies.receive() : replies.receive(replyTimeout);
        } finally {
            // after a failed send nobody waits; a reply must not stay in, or later reach, the channel
            replies.giveUp();
        }
    }

    /** Sends a one-way request. */
    void send(Message<?> request) {
        send(requestChannel, request, requestTimeout, label, "request channel");
    }

    /**
     * Receives from the pollable reply channel, for a method that sends nothing.
     *
     * @return the message, or {@code null} when none came within the reply timeout
     */
    Message<?> receive() {
        PollableChannel source = (PollableChannel) replyChannel;
        return replyTimeout == null ? source.receive() : source.receive(replyTimeout);
    }

    /**
     * Sends to a channel, waiting at most the timeout for it to accept.
     *
     * @throws MessageTimeoutException when a bounded send was not accepted in time
     * @throws MessageDeliveryException when the channel did not accept the message otherwise (an interceptor
     *         stopped it, the thread was interrupted)
     */
    static void send(MessageChannel channel, Message<?> message, Duration timeout, String label, String role) {
        boolean sent = timeout == null ? channel.send(message) : channel.send(message, timeout);
        if (sent) {
            return;
        }
        String interrupted = Thread.currentThread().isInterrupted() ? " (the calling thread was interrupted)" : "";
        if (timeout != null) {
            throw new MessageTimeoutException(message, label + ": the " + role + " '" + channel.getName()
                    + "' did not accept the message within the request timeout of " + timeout.toMillis() + " ms"
                    + interrupted);
        }
        throw new MessageDeliveryException(message, label + ": the " + role + " '" + channel.getName()
                + "' did not accept the message" + interrupted);
    }
}
