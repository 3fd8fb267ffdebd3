package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.impl.channel.ChannelRegistry;

import java.util.List;
import java.util.Objects;

/**
 * A channel an endpoint is given by name or as an instance, resolved when the endpoint is declared. The channel an
 * inbound endpoint sends to is created when nobody declared it, like a flow's input; the others (error, unsolicited
 * and output channels) must be declared, so that a misspelt name fails the declaration, not a failure later.
 *
 * @param role    what the channel is to the endpoint ({@code request channel}), for the problem's text
 * @param name    the channel's name, or {@code null} when given as an instance
 * @param channel the channel, or {@code null} when given by name
 */
record ChannelSetting(String role, String name, MessageChannel channel) {

    static ChannelSetting named(String role, String name) {
        return new ChannelSetting(role, Objects.requireNonNull(name, role), null);
    }

    static ChannelSetting of(String role, MessageChannel channel) {
        return new ChannelSetting(role, null, Objects.requireNonNull(channel, role));
    }

    /** @return the channel's name, however it was given */
    String channelName() {
        return channel != null ? channel.getName() : name;
    }

    /**
     * @return the channel; a name nobody declared gets a direct channel, as a flow's input does, so that a flow
     *         declared later consumes it
     */
    MessageChannel resolveOrCreate(ChannelRegistry channels) {
        return channel != null ? channel : channels.getOrCreateDirect(name);
    }

    /**
     * @param owner names the endpoint in the problem
     * @return the channel, or {@code null} after adding a problem when no channel has the name
     */
    MessageChannel resolve(ChannelRegistry channels, String owner, List<String> problems) {
        if (channel != null) {
            return channel;
        }
        MessageChannel found = channels.find(name).orElse(null);
        if (found == null) {
            problems.add(TcpRule.UNKNOWN_CHANNEL.problem(owner + ": the " + role + " '" + name + "' is not"
                    + " declared; declare it (junction.register(...)) or a flow from it (junction.flow(\"" + name
                    + "\")) before the endpoint, or correct the name"));
        }
        return found;
    }

    /** @return the channel, {@code null} when the setting is absent */
    static MessageChannel resolve(ChannelSetting setting, ChannelRegistry channels, String owner,
                                  List<String> problems) {
        return setting == null ? null : setting.resolve(channels, owner, problems);
    }
}
