package dev.junction.impl.support;

import dev.junction.api.channel.MessageChannel;

/** Resolves channel names (output channels, reply and error channel headers) to channels. */
@FunctionalInterface
public interface ChannelResolver {

    /**
     * @param name the channel name
     * @return the channel, never {@code null}
     * @throws dev.junction.api.error.DestinationResolutionException when no channel has that name
     */
    MessageChannel resolve(String name);
}
