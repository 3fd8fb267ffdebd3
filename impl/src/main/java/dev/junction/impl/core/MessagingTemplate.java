package dev.junction.impl.core;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.support.Timeouts;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends, receives and exchanges request and reply from application code, applying default timeouts.
 *
 * <pre>{@code
 * MessagingTemplate template = MessagingTemplate.builder().receiveTimeout(Duration.ofSeconds(5)).build();
 * Message<?> reply = template.sendAndReceive(orders, Message.of(order));   // null after 5 s without reply
 * }</pre>
 *
 * <p><b>Timeouts.</b> The send timeout bounds how long a send may wait for a full channel; the receive
 * timeout bounds how long a receive waits for a message, and how long {@code sendAndReceive} waits for the
 * reply once the request was sent. A {@code null} timeout (the default for both) waits as long as it takes.
 * {@code sendAndReceive} waits for the send first and then for the reply: with a direct (same-thread) flow the
 * whole flow runs inside the send, so the reply timeout starts only after the flow returned and cannot cut a
 * slow direct flow short.
 *
 * <p>A template is immutable and thread-safe; share one per configuration.
 */
public final class MessagingTemplate {

    private final Duration sendTimeout;
    private final Duration receiveTimeout;
    private final MessageChannel defaultDestination;

    /** A template that waits indefinitely for sends and receives and has no default destination. */
    MessagingTemplate() {
        this(builder());
    }

    private MessagingTemplate(Builder builder) {
        this.sendTimeout = builder.sendTimeout;
        this.receiveTimeout = builder.receiveTimeout;
        this.defaultDestination = builder.defaultDestination;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a message, waiting at most the send timeout for the channel to accept it.
     *
     * @return {@code true}; a template send that does not succeed throws instead of returning {@code false}
     * @throws MessageDeliveryException when the channel did not accept the message within the send timeout (a
     *         full channel, an interceptor that stopped the send, an interrupted sender — the interrupt flag then
     *         stays set); the exception names the channel and the timeout
     * @throws MessagingException when the channel or a direct flow behind it failed
     */
    boolean send(MessageChannel channel, Message<?> message) {
        Objects.requireNonNull(channel, "channel must not be null");
        Objects.requireNonNull(message, "message must not be null");
        boolean sent = sendTimeout == null ? channel.send(message) : channel.send(message, sendTimeout);
        if (!sent) {
            throw new MessageDeliveryException(message, "Channel '" + channel.getName() + "' did not accept the message "
                    + (sendTimeout == null ? "although the send timeout is indefinite" : "within the send timeout of " + sendTimeout)
                    + (Thread.currentThread().isInterrupted() ? " (the sending thread was interrupted)" : ""));
        }
        return true;
    }

    /**
     * Sends to the default destination.
     *
     * @throws IllegalStateException when the template has no default destination
     * @see #send(MessageChannel, Message)
     */
    boolean send(Message<?> message) {
        return send(requireDefaultDestination(), message);
    }

    /**
     * Receives a message, waiting at most the receive timeout.
     *
     * @return the message, or {@code null} when none arrived in time (or the thread was interrupted)
     */
    Message<?> receive(PollableChannel channel) {
        Objects.requireNonNull(channel, "channel must not be null");
        return receiveTimeout == null ? channel.receive() : channel.receive(receiveTimeout);
    }

    /**
     * Receives from the default destination.
     *
     * @throws IllegalStateException when the template has no default destination or it is not pollable
     * @see #receive(PollableChannel)
     */
    Message<?> receive() {
        if (requireDefaultDestination() instanceof PollableChannel pollable) {
            return receive(pollable);
        }
        throw new IllegalStateException("JNC-0111 The default destination '" + defaultDestination.getName()
                + "' is not a PollableChannel; nothing can be received from it");
    }

    /**
     * Sends a request and waits, at most the receive timeout, for its reply.
     *
     * @see #sendAndReceive(MessageChannel, Message, Duration)
     */
    public Message<?> sendAndReceive(MessageChannel channel, Message<?> request) {
        return sendAndReceive(channel, request, receiveTimeout);
    }

    /**
     * Sends a request to the default destination and waits, at most the receive timeout, for its reply.
     *
     * @throws IllegalStateException when the template has no default destination
     * @see #sendAndReceive(MessageChannel, Message, Duration)
     */
    Message<?> sendAndReceive(Message<?> request) {
        return sendAndReceive(requireDefaultDestination(), request, receiveTimeout);
    }

    /**
     * Sends a request and waits for its reply. The request travels as a copy whose {@code replyChannel} and
     * {@code errorChannel} headers are a fresh {@link TemporaryReplyChannel} (replacing any the request had);
     * once this method returns, that channel refuses further replies.
     *
     * @param replyTimeout the longest wait for the reply after the request was sent, {@code null} for as long
     *        as it takes; with a direct flow it starts only when the flow has returned
     * @return the reply, or {@code null} when none arrived in time (or the thread was interrupted)
     * @throws MessageDeliveryException when the request was not accepted within the send timeout
     * @throws MessagingException when a direct flow failed, or when the reply is an {@link ErrorMessage}: its
     *         payload is rethrown, a throwable that is not a {@code MessagingException} wrapped in a
     *         {@link MessageHandlingException} carrying the failed message
     */
    Message<?> sendAndReceive(MessageChannel channel, Message<?> request, Duration replyTimeout) {
        Objects.requireNonNull(channel, "channel must not be null");
        Objects.requireNonNull(request, "request must not be null");
        if (replyTimeout != null) {
            Timeouts.toNanos(replyTimeout); // rejects a negative timeout before anything is sent
        }
        TemporaryReplyChannel replies = new TemporaryReplyChannel(request.getHeaders().getId());
        Message<?> outgoing = MessageBuilder.fromMessage(request).setReplyChannel(replies).setErrorChannel(replies).build();
        Message<?> reply;
        try {
            send(channel, outgoing);
            reply = replyTimeout == null ? replies.receive() : replies.receive(replyTimeout);
        } finally {
            // after a failed send nobody receives; a reply must not stay in (or later reach) the channel
            replies.giveUp();
        }
        if (reply instanceof ErrorMessage error) {
            throw asFailure(error, outgoing);
        }
        return reply;
    }

    private static MessagingException asFailure(ErrorMessage error, Message<?> request) {
        Throwable cause = error.getPayload();
        if (cause instanceof MessagingException messaging) {
            return messaging;
        }
        Message<?> failed = error.getOriginalMessage().orElse(request);
        return new MessageHandlingException(failed, "The flow answered the request with an error: " + cause, cause);
    }

    private MessageChannel requireDefaultDestination() {
        if (defaultDestination == null) {
            throw new IllegalStateException("JNC-0110 This MessagingTemplate has no default destination; pass a"
                    + " channel");
        }
        return defaultDestination;
    }

    /** @return the send timeout, or {@code null} when sends wait as long as it takes */
    Duration getSendTimeout() {
        return sendTimeout;
    }

    /** @return the receive (and reply) timeout, or {@code null} when receives wait as long as it takes */
    Duration getReceiveTimeout() {
        return receiveTimeout;
    }

    /** @return the channel used by the methods without a channel argument, or {@code null} */
    MessageChannel getDefaultDestination() {
        return defaultDestination;
    }

    /** Builds a {@link MessagingTemplate}; every setting is optional. */
    public static final class Builder {
        private Duration sendTimeout;
        private Duration receiveTimeout;
        private MessageChannel defaultDestination;

        private Builder() {
        }

        /**
         * How long a send may wait for the channel to accept a message.
         *
         * @param timeout {@link Duration#ZERO} for not at all, {@code null} (the default) for as long as it takes
         */
        Builder sendTimeout(Duration timeout) {
            this.sendTimeout = checked(timeout);
            return this;
        }

        /**
         * How long a receive, and {@code sendAndReceive} once the request was sent, waits for a message.
         *
         * @param timeout {@link Duration#ZERO} for not at all, {@code null} (the default) for as long as it takes
         */
        public Builder receiveTimeout(Duration timeout) {
            this.receiveTimeout = checked(timeout);
            return this;
        }

        /** The channel used by the methods that take no channel argument. */
        Builder defaultDestination(MessageChannel channel) {
            this.defaultDestination = channel;
            return this;
        }

        public MessagingTemplate build() {
            return new MessagingTemplate(this);
        }

        private static Duration checked(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("JNC-0109 A template's timeout must not be negative: " + timeout);
            }
            return timeout;
        }
    }
}
