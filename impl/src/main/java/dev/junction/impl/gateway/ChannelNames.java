package dev.junction.impl.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.impl.support.ChannelResolver;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the channel names of one gateway while it is created, reporting names that do not resolve instead
 * of throwing, and resolving each name once.
 */
final class ChannelNames {

    private final ChannelResolver resolver;
    private final Map<String, MessageChannel> resolved = new HashMap<>();

    /** @param resolver the application's channels, or {@code null} when the gateway names none */
    ChannelNames(ChannelResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @param where how a problem names the method or level that uses the name
     * @param role what the channel is for, e.g. {@code "request channel"}
     * @return the channel, or {@code null} after reporting a problem
     */
    MessageChannel resolve(String name, String where, String role, Problems problems) {
        MessageChannel known = resolved.get(name);
        if (known != null) {
            return known;
        }
        if (resolver == null) {
            problems.add(where, GatewayRule.UNKNOWN_CHANNEL, "the " + role + " '" + name + "' cannot be resolved:"
                    + " no channel resolver was given to the gateway factory");
            return null;
        }
        try {
            MessageChannel channel = resolver.resolve(name);
            resolved.put(name, channel);
            return channel;
        } catch (DestinationResolutionException unknown) {
            problems.add(where, GatewayRule.UNKNOWN_CHANNEL, "the " + role + " '" + name + "' does not resolve: "
                    + unknown.getMessage());
            return null;
        }
    }
}
