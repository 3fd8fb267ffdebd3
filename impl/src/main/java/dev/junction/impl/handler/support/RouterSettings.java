package dev.junction.impl.handler.support;

import dev.junction.api.channel.MessageChannel;
import dev.junction.impl.support.ChannelResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link dev.junction.impl.handler.MessageRouter} needs besides the processor that names the
 * destinations: channel mapping, resolver, default output channel, whether every name must resolve, order.
 * Defaults: no mapping, no resolver, no default output, {@code resolutionRequired = true}, order last.
 */
public final class RouterSettings {

    private final String componentName;
    private final Map<String, String> channelMapping = new LinkedHashMap<>();
    private ChannelResolver resolver;
    private MessageChannel defaultOutputChannel;
    private boolean resolutionRequired = true;
    private int order = Integer.MAX_VALUE;

    private RouterSettings(String componentName) {
        this.componentName = Objects.requireNonNull(componentName, "componentName");
    }

    /** @param componentName how errors and logs name the router (its endpoint id, typically) */
    public static RouterSettings named(String componentName) {
        return new RouterSettings(componentName);
    }

    /** Routes messages whose key is {@code key} to the channel named {@code channelName}. */
    RouterSettings mapping(String key, String channelName) {
        channelMapping.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(channelName, "channelName"));
        return this;
    }

    /** Adds every entry as a {@linkplain #mapping(String, String) mapping}. */
    public RouterSettings channelMapping(Map<String, String> mapping) {
        mapping.forEach(this::mapping);
        return this;
    }

    /** Resolves channel names (mapped or returned as they are) to channels. */
    public RouterSettings resolver(ChannelResolver resolver) {
        this.resolver = resolver;
        return this;
    }

    /** Where messages go that resolve to no channel; without one such a message is an error. */
    public RouterSettings defaultOutputChannel(MessageChannel channel) {
        this.defaultOutputChannel = channel;
        return this;
    }

    /** Whether a name that does not resolve is an error (default) or skipped. */
    public RouterSettings resolutionRequired(boolean resolutionRequired) {
        this.resolutionRequired = resolutionRequired;
        return this;
    }

    /** The router's place among the subscribers of its input channel. */
    public RouterSettings order(int order) {
        this.order = order;
        return this;
    }

    String componentName() {
        return componentName;
    }

    Map<String, String> channelMapping() {
        return channelMapping;
    }

    ChannelResolver resolver() {
        return resolver;
    }

    MessageChannel defaultOutputChannel() {
        return defaultOutputChannel;
    }

    boolean resolutionRequired() {
        return resolutionRequired;
    }

    int order() {
        return order;
    }
}
