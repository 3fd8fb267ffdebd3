package dev.junction.impl.handler;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.handler.Ordered;
import dev.junction.api.message.Message;
import dev.junction.impl.support.ChannelResolver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A router: a processor (expression or method) names where each message goes: a channel, a channel name, a
 * key of the channel mapping, or a collection of those (the message then goes to each). A name that does not
 * resolve is an error when {@code resolutionRequired} (the default) and is skipped otherwise; when nothing
 * resolves, the message goes to the default output channel, or the router fails with an error naming it.
 */
public final class MessageRouter implements MessageHandler, Ordered {

    private final String componentName;
    private final MessageProcessor<?> keyProcessor;
    private final Map<String, String> channelMapping;
    private final ChannelResolver resolver;
    private final MessageChannel defaultOutputChannel;
    private final boolean resolutionRequired;
    private final int order;

    /**
     * @param channelMapping maps keys returned by the processor to channel names (may be empty)
     * @param defaultOutputChannel where messages go that resolve to no channel, or {@code null}
     */
    public MessageRouter(String componentName, MessageProcessor<?> keyProcessor, Map<String, String> channelMapping,
            ChannelResolver resolver, MessageChannel defaultOutputChannel, boolean resolutionRequired, int order) {
        this.componentName = Objects.requireNonNull(componentName, "componentName");
        this.keyProcessor = Objects.requireNonNull(keyProcessor, "keyProcessor");
        this.channelMapping = Map.copyOf(channelMapping);
        this.resolver = resolver;
        this.defaultOutputChannel = defaultOutputChannel;
        this.resolutionRequired = resolutionRequired;
        this.order = order;
    }

    @Override
    public void handleMessage(Message<?> message) {
        List<MessageChannel> targets = new ArrayList<>(1);
        collect(keyProcessor.process(message), message, targets);
        if (targets.isEmpty()) {
            if (defaultOutputChannel == null) {
                throw new MessageDeliveryException(message, componentName
                        + " resolved no channel for the message and has no default output channel");
            }
            targets.add(defaultOutputChannel);
        }
        for (MessageChannel target : targets) {
            if (!target.send(message)) {
                throw new MessageDeliveryException(message, componentName + " could not send to channel '"
                        + target.getName() + "'");
            }
        }
    }

    private void collect(Object key, Message<?> message, List<MessageChannel> targets) {
        if (key == null) {
            return;
        }
        if (key instanceof MessageChannel channel) {
            targets.add(channel);
        } else if (key instanceof Collection<?> keys) {
            keys.forEach(each -> collect(each, message, targets));
        } else if (key instanceof Object[] keys) {
            for (Object each : keys) {
                collect(each, message, targets);
            }
        } else {
            resolve(key.toString(), message, targets);
        }
    }

    private void resolve(String key, Message<?> message, List<MessageChannel> targets) {
        String name = channelMapping.getOrDefault(key, key);
        try {
            if (resolver == null) {
                throw new DestinationResolutionException(message, "no channel resolver is configured");
            }
            targets.add(resolver.resolve(name));
        } catch (DestinationResolutionException unresolved) {
            if (resolutionRequired) {
                throw new DestinationResolutionException(message, componentName + " could not resolve channel '" + name
                        + "'" + (name.equals(key) ? "" : " (mapped from key '" + key + "')")
                        + "; declare the channel, add a mapping, or set resolutionRequired = false", unresolved);
            }
        }
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public String toString() {
        return componentName;
    }
}
