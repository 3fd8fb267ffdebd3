package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpMessageListener;

import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Function;

/**
 * Declares a {@link TcpInboundChannelAdapter}: made by {@link Tcp#inboundAdapter}, it needs an output channel.
 *
 * <pre>{@code
 * TcpInboundChannelAdapter events = Tcp.inboundAdapter(junction,
 *                 listener -> new NioTcpServerFactory(options, executor, listener))
 *         .outputChannel("events").payloadAsString().register();
 * }</pre>
 */
public final class TcpInboundAdapterSpec extends TcpInboundSpec<TcpInboundAdapterSpec, TcpInboundChannelAdapter> {

    TcpInboundAdapterSpec(Junction junction, Function<TcpMessageListener, ? extends TcpConnectionFactory> factory) {
        super(junction, factory, "TCP inbound channel adapter", "tcpInboundAdapter");
    }

    /** Where received messages go; a direct channel when nobody declared it, for a flow declared later. */
    public TcpInboundAdapterSpec outputChannel(String name) {
        return channel(ChannelSetting.named("output channel", name));
    }

    /** As {@link #outputChannel(String)}, with the channel itself. */
    public TcpInboundAdapterSpec outputChannel(MessageChannel channel) {
        return channel(ChannelSetting.of("output channel", channel));
    }

    @Override
    String channelRole() {
        return "output channel";
    }

    @Override
    void check(String owner, List<String> problems) {
        // nothing beyond what every inbound endpoint has
    }

    @Override
    TcpInboundChannelAdapter create(InboundSettings settings, TcpConnectionFactory factory, ListenerRelay relay,
                                    Charset charset) {
        return new TcpInboundChannelAdapter(settings, factory, relay);
    }
}
