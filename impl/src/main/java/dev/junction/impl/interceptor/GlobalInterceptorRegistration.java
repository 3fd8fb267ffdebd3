package dev.junction.impl.interceptor;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.handler.Ordered;
import java.util.Objects;

/**
 * The registration of a global interceptor (not to be confused with the CDI qualifier
 * {@link dev.junction.api.annotation.GlobalChannelInterceptor}, which declares one): an interceptor to apply to
 * every channel whose name the patterns select, at a position given by its order:
 * a negative order places it before the channel's own interceptors, zero or more after them; among global
 * interceptors on one side, lower orders come first. Registered with {@link GlobalInterceptors}.
 *
 * @param interceptor the interceptor; one instance is shared by all selected channels, so it must be thread-safe
 * @param patterns the channels it applies to
 * @param order its position, {@link Ordered#DEFAULT_ORDER} by default
 */
public record GlobalInterceptorRegistration(ChannelInterceptor interceptor, ChannelNamePatterns patterns, int order) {

    public GlobalInterceptorRegistration {
        Objects.requireNonNull(interceptor, "interceptor");
        Objects.requireNonNull(patterns, "patterns");
    }

    /** @return a global interceptor for all channels, with the default order */
    static GlobalInterceptorRegistration of(ChannelInterceptor interceptor) {
        return new GlobalInterceptorRegistration(interceptor, ChannelNamePatterns.all(), Ordered.DEFAULT_ORDER);
    }

    /**
     * @param patterns a comma-separated pattern list, see {@link ChannelNamePatterns}
     * @return a global interceptor for the channels the patterns select
     */
    public static GlobalInterceptorRegistration of(ChannelInterceptor interceptor, String patterns, int order) {
        return new GlobalInterceptorRegistration(interceptor, ChannelNamePatterns.parse(patterns), order);
    }

    /** @return whether the patterns select the channel and the interceptor does not veto it */
    boolean appliesTo(InterceptableChannel channel) {
        String name = channel.getName();
        return patterns.matches(name)
                && (!(interceptor instanceof VetoCapableInterceptor veto) || veto.shouldIntercept(name, channel));
    }
}
