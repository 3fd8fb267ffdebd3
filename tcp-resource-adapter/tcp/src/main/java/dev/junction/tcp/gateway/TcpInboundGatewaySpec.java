package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpMessageListener;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Declares a {@link TcpInboundGateway}: made by {@link Tcp#inboundGateway}, it needs a request channel.
 *
 * <pre>{@code
 * junction.flow("orders").transform((String order) -> order.toUpperCase());
 * TcpInboundGateway server = Tcp.inboundGateway(junction,
 *                 listener -> new BlockingTcpServerFactory(options, executor, listener))
 *         .requestChannel("orders").payloadAsString().errorReply("ERROR").id("orderServer").register();
 * }</pre>
 */
public final class TcpInboundGatewaySpec extends TcpInboundSpec<TcpInboundGatewaySpec, TcpInboundGateway> {

    private Duration replyTimeout = TcpInboundGateway.DEFAULT_REPLY_TIMEOUT;
    private byte[] errorReply;
    private String errorReplyText;

    TcpInboundGatewaySpec(Junction junction, Function<TcpMessageListener, ? extends TcpConnectionFactory> factory) {
        super(junction, factory, "TCP inbound gateway", "tcpInboundGateway");
    }

    /**
     * Where requests go: the channel of a flow whose last step replies; a direct channel when nobody declared it,
     * for a flow declared later.
     */
    public TcpInboundGatewaySpec requestChannel(String name) {
        return channel(ChannelSetting.named("request channel", name));
    }

    /** As {@link #requestChannel(String)}, with the channel itself. */
    public TcpInboundGatewaySpec requestChannel(MessageChannel channel) {
        return channel(ChannelSetting.of("request channel", channel));
    }

    /** How long a reply is awaited once the request was sent: {@link TcpInboundGateway#DEFAULT_REPLY_TIMEOUT}. */
    public TcpInboundGatewaySpec replyTimeout(Duration timeout) {
        this.replyTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * What the peer is sent when no reply comes in time or the flow fails without an answer; without one, the
     * connection is closed instead.
     */
    public TcpInboundGatewaySpec errorReply(byte[] payload) {
        this.errorReply = Objects.requireNonNull(payload, "payload").clone();
        this.errorReplyText = null;
        return this;
    }

    /** As {@link #errorReply(byte[])}, the text encoded in the gateway's charset. */
    public TcpInboundGatewaySpec errorReply(String text) {
        this.errorReplyText = Objects.requireNonNull(text, "text");
        this.errorReply = null;
        return this;
    }

    @Override
    String channelRole() {
        return "request channel";
    }

    @Override
    void check(String owner, List<String> problems) {
        Runtimes.checkTimeout(owner, "replyTimeout", replyTimeout, problems);
    }

    @Override
    TcpInboundGateway create(InboundSettings settings, TcpConnectionFactory factory, ListenerRelay relay,
                             Charset charset) {
        byte[] reply = errorReplyText != null ? errorReplyText.getBytes(charset) : errorReply;
        return new TcpInboundGateway(settings, replyTimeout, reply, factory, relay);
    }
}
