package dev.junction.impl.interceptor;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.InterceptableChannel;

/**
 * An interceptor that may refuse channels its global patterns select, typically because it sends to that very
 * channel and would otherwise intercept its own sends (a {@link WireTap} refuses its tap channel).
 */
interface VetoCapableInterceptor extends ChannelInterceptor {

    /**
     * Asked before the interceptor is added to a channel selected by its patterns.
     *
     * @return {@code false} to stay off this channel
     */
    boolean shouldIntercept(String channelName, InterceptableChannel channel);
}
