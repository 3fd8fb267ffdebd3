package dev.junction.impl.handler;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.message.Message;
import dev.junction.impl.support.ChannelResolver;

/**
 * Finds where a reply goes: the configured output channel (an instance, or a name resolved on first use),
 * else the request's {@code replyChannel} header (an instance, or a name resolved through the resolver).
 */
final class OutputChannelResolver {

    private final String componentName;
    private final String outputChannelName;
    private volatile ChannelResolver resolver;
    private volatile MessageChannel outputChannel;
    private boolean bound; // guarded by this

    OutputChannelResolver(String componentName, MessageChannel outputChannel, String outputChannelName,
            ChannelResolver resolver) {
        this.componentName = componentName;
        this.outputChannel = outputChannel;
        this.outputChannelName = outputChannelName;
        this.resolver = resolver;
    }

    /**
     * Makes {@code next} the output channel, when the handler was built without one, and {@code resolver} the
     * resolver, when it had none.
     *
     * @param next the channel to reply to, or {@code null} to keep replying to the {@code replyChannel} header
     * @return false when the handler has an output channel of its own, or was already joined to a channel
     */
    synchronized boolean bind(MessageChannel next, ChannelResolver resolver) {
        if (this.resolver == null) {
            this.resolver = resolver;
        }
        if (next == null) {
            return true;
        }
        if (bound || outputChannel != null || outputChannelName != null) {
            return false;
        }
        bound = true;
        outputChannel = next;
        return true;
    }

    /** @return the output channel's name, or {@code null} when replies go to the {@code replyChannel} header */
    String outputChannelName() {
        MessageChannel output = outputChannel;
        return output != null ? output.getName() : outputChannelName;
    }

    MessageChannel replyChannelFor(Message<?> request) {
        MessageChannel output = outputChannel;
        if (output == null && outputChannelName != null) {
            output = resolve(outputChannelName, request, "output channel");
            outputChannel = output; // resolved late so channels may be declared after the endpoint
        }
        if (output != null) {
            return output;
        }
        Object header = request.getHeaders().getReplyChannel();
        if (header instanceof MessageChannel channel) {
            return channel;
        }
        if (header instanceof String name) {
            return resolve(name, request, "replyChannel header");
        }
        if (header != null) {
            throw new DestinationResolutionException(request, componentName + ": the replyChannel header holds a "
                    + header.getClass().getName() + "; it must be a MessageChannel or a channel name");
        }
        throw new DestinationResolutionException(request, componentName
                + " produced a reply but has no output channel and the request has no replyChannel header;"
                + " configure an output channel or send the request through a gateway");
    }

    private MessageChannel resolve(String name, Message<?> request, String role) {
        if (resolver == null) {
            throw new DestinationResolutionException(request, componentName + ": cannot resolve the " + role
                    + " '" + name + "' without a channel resolver");
        }
        try {
            return resolver.resolve(name);
        } catch (DestinationResolutionException unknown) {
            throw new DestinationResolutionException(request, componentName + ": the " + role + " '" + name
                    + "' does not resolve to a channel: " + unknown.getMessage(), unknown);
        }
    }
}
