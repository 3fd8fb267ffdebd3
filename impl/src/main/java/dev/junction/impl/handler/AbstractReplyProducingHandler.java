package dev.junction.impl.handler;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.ReplyRequiredException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.handler.Ordered;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.advice.AdviceChain;
import dev.junction.impl.core.TemporaryReplyChannel;
import dev.junction.impl.support.ChannelResolver;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * A handler that may answer: a non-null result is sent to the output channel, else to the request's
 * {@code replyChannel} header. The request's headers travel with the reply (a result that is a whole message
 * keeps its own headers and receives only the missing ones), so a reply can find its way back to a gateway
 * several hops later. A {@code null} result sends nothing, unless a reply is required.
 *
 * <p>An advice chain, when the endpoint has one, wraps {@link #handleRequest} only: the reply is sent after the chain
 * returned, so a retry or a circuit breaker never covers the flow downstream.
 */
public abstract class AbstractReplyProducingHandler implements MessageHandler, Ordered {

    private static final System.Logger LOG = System.getLogger(AbstractReplyProducingHandler.class.getName());

    private final String componentName;
    private final OutputChannelResolver output;
    private final boolean requiresReply;
    private final Duration sendTimeout;
    private final int order;
    /** Set at construction, or once by {@link #adviseWith} before the endpoint starts; {@code null}: no advice. */
    private AdviceChain advice;

    protected AbstractReplyProducingHandler(ReplyProducerSettings settings) {
        this.componentName = settings.componentName;
        this.output = new OutputChannelResolver(settings.componentName, settings.outputChannel,
                settings.outputChannelName, settings.resolver);
        this.requiresReply = settings.requiresReply;
        this.sendTimeout = settings.sendTimeout;
        this.order = settings.order;
        this.advice = settings.adviceChain;
    }

    @Override
    public final void handleMessage(Message<?> request) {
        AdviceChain chain = advice;
        Object result = chain == null ? handleRequest(request) : handleAdvised(request, chain);
        if (result == null) {
            if (requiresReply) {
                throw new ReplyRequiredException(request, componentName
                        + " returned no reply although a reply is required (requiresReply = true)");
            }
            return;
        }
        sendReply(result, request);
    }

    /** @return the reply (a payload or a whole message), or {@code null} for none */
    protected abstract Object handleRequest(Message<?> request);

    /**
     * Runs {@link #handleRequest} inside the endpoint's advice chain; a handler whose handling has a part that must
     * stay outside the advices (a filter's discard) narrows it.
     */
    protected Object handleAdvised(Message<?> request, AdviceChain chain) {
        return chain.invoke(request, this::handleRequest);
    }

    /**
     * Gives a handler built on its own (by an integration module) the advice chain of the flow step it is given to.
     *
     * @throws IllegalStateException when it already has one
     */
    public final void adviseWith(AdviceChain chain) {
        if (chain == null) {
            return;
        }
        if (advice != null && advice != chain) {
            throw new IllegalStateException(componentName + " already has an advice chain; give each step its own"
                    + " handler");
        }
        advice = chain;
    }

    /** Sends a reply built from {@code result} to the output channel or the request's reply channel. */
    protected final void sendReply(Object result, Message<?> request) {
        Message<?> reply = result instanceof Message<?> message
                ? MessageBuilder.fromMessage(message).copyHeadersIfAbsent(request.getHeaders()).build()
                : MessageBuilder.withPayload(result).copyHeaders(request.getHeaders()).build();
        MessageChannel target = output.replyChannelFor(request);
        boolean sent = sendTimeout == null ? target.send(reply) : target.send(reply, sendTimeout);
        if (!sent) {
            if (target instanceof TemporaryReplyChannel temporary && temporary.isClosed()) {
                // the requester gave up waiting (reply timeout): a late reply is dropped, not an error
                LOG.log(Level.DEBUG, () -> componentName + " dropped a late reply; the requester no longer waits: " + reply);
                return;
            }
            throw new MessageDeliveryException(reply, componentName + " could not send its reply to channel '"
                    + target.getName() + "'" + (sendTimeout == null ? "" : " within " + sendTimeout.toMillis() + " ms"));
        }
    }

    /**
     * Joins a handler built on its own (by an integration module, such as a TCP outbound gateway) to the flow step
     * it is given to: its replies go to {@code next}, the step's output, and channel names in {@code replyChannel}
     * headers resolve through {@code resolver} when the handler had no resolver.
     *
     * @param next     the channel after the step, or {@code null} at the end of a flow (replies then go to the
     *                 request's {@code replyChannel} header)
     * @param resolver the flow's channels
     * @throws IllegalStateException when the handler was built with an output channel of its own, or already joined
     *         to another step, and {@code next} is not {@code null}: a handler replies to one place
     */
    public final void joinFlow(MessageChannel next, ChannelResolver resolver) {
        if (!output.bind(next, resolver)) {
            throw new IllegalStateException(componentName + " already sends its replies to channel '"
                    + output.outputChannelName() + "', so it cannot reply to the next step's channel '"
                    + next.getName() + "'; give each step its own handler, or build it without an output channel");
        }
    }

    /** @return the name used for this component in errors and logs */
    String getComponentName() {
        return componentName;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public String toString() {
        return componentName;
    }

    /** Settings shared by every reply-producing handler. */
    public static final class ReplyProducerSettings {
        private final String componentName;
        private MessageChannel outputChannel;
        private String outputChannelName;
        private ChannelResolver resolver;
        private boolean requiresReply;
        private Duration sendTimeout;
        private int order = Integer.MAX_VALUE;
        private AdviceChain adviceChain;
        private boolean discardWithinAdvice = true;

        private ReplyProducerSettings(String componentName) {
            this.componentName = Objects.requireNonNull(componentName, "componentName");
        }

        /** @param componentName how errors and logs name the handler (its endpoint id, typically) */
        public static ReplyProducerSettings named(String componentName) {
            return new ReplyProducerSettings(componentName);
        }

        /** @return how errors and logs name the handler */
        public String componentName() {
            return componentName;
        }

        /** @return the output channel given as an instance, or {@code null} */
        public MessageChannel outputChannel() {
            return outputChannel;
        }

        public ReplyProducerSettings outputChannel(MessageChannel channel) {
            this.outputChannel = channel;
            return this;
        }

        /** An output channel given by name, resolved on the first reply. */
        public ReplyProducerSettings outputChannelName(String name) {
            this.outputChannelName = name == null || name.isEmpty() ? null : name;
            return this;
        }

        /** Resolves output channel names and {@code replyChannel} header names. */
        public ReplyProducerSettings resolver(ChannelResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        public ReplyProducerSettings requiresReply(boolean requiresReply) {
            this.requiresReply = requiresReply;
            return this;
        }

        /** How long sending a reply may block on a full channel (default: as long as it takes). */
        public ReplyProducerSettings sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        /** The advices around the handler's own handling; {@code null}: none. */
        public ReplyProducerSettings adviceChain(AdviceChain chain) {
            this.adviceChain = chain;
            return this;
        }

        /** @return the advices around the handler's own handling, or {@code null} */
        public AdviceChain adviceChain() {
            return adviceChain;
        }

        /**
         * For a filter with an advice chain: whether a rejected message is discarded (sent to the discard channel,
         * or thrown) inside the advices (the default), or after them, so that the advices cover the decision only.
         */
        public ReplyProducerSettings discardWithinAdvice(boolean within) {
            this.discardWithinAdvice = within;
            return this;
        }

        boolean discardWithinAdvice() {
            return discardWithinAdvice;
        }

        /** The handler's place among the subscribers of its input channel. */
        public ReplyProducerSettings order(int order) {
            this.order = order;
            return this;
        }
    }
}
