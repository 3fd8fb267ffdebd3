package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.expression.ExpressionParseException;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.runtime.JunctionRuntime;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpMessageListener;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Declares a {@link TcpOutboundGateway}: made by {@link Tcp#outboundGateway}, {@link #build()} returns the handler
 * to use as a flow's step. Not thread-safe; one build per spec.
 *
 * <pre>{@code
 * TcpOutboundGateway quotes = Tcp.outboundGateway(junction,
 *                 listener -> new NioTcpClientFactory("quotes.example", options, executor, listener))
 *         .remoteTimeout(Duration.ofSeconds(5)).payloadAsString().unsolicitedChannel("latecomers").build();
 * junction.flow("quoteRequests").handle(quotes).id("quoteClient");
 * }</pre>
 */
public final class TcpOutboundGatewaySpec {

    private final Junction junction;
    private final Function<TcpMessageListener, ? extends TcpClientFactory> factory;
    private String name;
    private Duration requestTimeout = TcpOutboundGateway.DEFAULT_REQUEST_TIMEOUT;
    private Duration remoteTimeout = TcpOutboundGateway.DEFAULT_REMOTE_TIMEOUT;
    private String remoteTimeoutExpression;
    private boolean async;
    private boolean closeStreamAfterSend;
    private ChannelSetting unsolicitedChannel;
    private ChannelSetting outputChannel;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean stringPayloads;
    private boolean built;

    TcpOutboundGatewaySpec(Junction junction, Function<TcpMessageListener, ? extends TcpClientFactory> factory) {
        this.junction = Objects.requireNonNull(junction, "junction");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** How logs and errors name the gateway; by default after its server's host and port. */
    public TcpOutboundGatewaySpec name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** How long a request waits for a shared connection: {@link TcpOutboundGateway#DEFAULT_REQUEST_TIMEOUT}. */
    public TcpOutboundGatewaySpec requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** How long a reply is awaited: {@link TcpOutboundGateway#DEFAULT_REMOTE_TIMEOUT}. */
    public TcpOutboundGatewaySpec remoteTimeout(Duration timeout) {
        this.remoteTimeout = Objects.requireNonNull(timeout, "timeout");
        this.remoteTimeoutExpression = null;
        return this;
    }

    /**
     * How long a reply is awaited, per request: a Jakarta EL expression over the request message giving milliseconds
     * or a {@code Duration} ({@code headers['timeout']}).
     */
    public TcpOutboundGatewaySpec remoteTimeout(String expression) {
        this.remoteTimeoutExpression = Objects.requireNonNull(expression, "expression");
        return this;
    }

    /** Whether the sending thread returns at once, the reply following from the connection's task (default no). */
    public TcpOutboundGatewaySpec async(boolean async) {
        this.async = async;
        return this;
    }

    /** Whether a single-use connection's output is shut after the request, for raw streams (default no). */
    public TcpOutboundGatewaySpec closeStreamAfterSend(boolean close) {
        this.closeStreamAfterSend = close;
        return this;
    }

    /** Where late replies and messages no request awaited go; without it they are logged and dropped. */
    public TcpOutboundGatewaySpec unsolicitedChannel(String name) {
        this.unsolicitedChannel = ChannelSetting.named("unsolicited channel", name);
        return this;
    }

    /** As {@link #unsolicitedChannel(String)}, with the channel itself. */
    public TcpOutboundGatewaySpec unsolicitedChannel(MessageChannel channel) {
        this.unsolicitedChannel = ChannelSetting.of("unsolicited channel", channel);
        return this;
    }

    /**
     * Where replies go, when the gateway is not a flow's step (a flow step replies to the next step); by default
     * to the request's reply channel.
     */
    public TcpOutboundGatewaySpec outputChannel(String name) {
        this.outputChannel = ChannelSetting.named("output channel", name);
        return this;
    }

    /** As {@link #outputChannel(String)}, with the channel itself. */
    public TcpOutboundGatewaySpec outputChannel(MessageChannel channel) {
        this.outputChannel = ChannelSetting.of("output channel", channel);
        return this;
    }

    /** The charset of {@code String} payloads, written or received: UTF-8 by default. */
    public TcpOutboundGatewaySpec charset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
        return this;
    }

    /** Replies become {@code String}s, decoded in the charset, rather than the default {@code byte[]}. */
    public TcpOutboundGatewaySpec payloadAsString() {
        this.stringPayloads = true;
        return this;
    }

    /**
     * Checks the declaration, makes the gateway and starts its factory, which the runtime stops when it closes.
     *
     * @throws ConfigurationException listing every problem, each with its code
     * @throws IllegalStateException when the spec was built already
     */
    public TcpOutboundGateway build() {
        if (built) {
            throw new IllegalStateException("This TCP outbound gateway spec was built already; make a new one");
        }
        List<String> problems = new ArrayList<>();
        JunctionRuntime runtime = Runtimes.runtime(junction, "A TCP outbound gateway", problems);
        if (runtime == null) {
            throw new ConfigurationException(problems);
        }
        ListenerRelay relay = new ListenerRelay();
        TcpClientFactory made = Objects.requireNonNull(factory.apply(relay),
                "the connection factory the function returned");
        String owner = name != null ? name : "TCP outbound gateway to " + made.host() + ":" + made.options().port();
        MessageChannel unsolicited = ChannelSetting.resolve(unsolicitedChannel, runtime.channels(), owner, problems);
        MessageChannel output = ChannelSetting.resolve(outputChannel, runtime.channels(), owner, problems);
        Runtimes.checkTimeout(owner, "requestTimeout", requestTimeout, problems);
        Runtimes.checkTimeout(owner, "remoteTimeout", remoteTimeout, problems);
        RemoteTimeout remote = remoteTimeout(runtime, owner, problems);
        if (closeStreamAfterSend && !made.options().singleUse()) {
            problems.add(TcpRule.CLOSE_STREAM_NEEDS_SINGLE_USE.problem(owner + " closes the stream after sending,"
                    + " but its factory " + made + " shares one connection; make the factory single-use"
                    + " (TcpConnectionOptions.singleUse(true)), or do not close the stream"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        ReplyProducerSettings replies = ReplyProducerSettings.named(owner).resolver(runtime.channels())
                .outputChannel(output);
        OutboundGatewaySettings settings = new OutboundGatewaySettings(owner,
                new TcpMessageMapper(charset, stringPayloads), requestTimeout, remote, async, closeStreamAfterSend,
                unsolicited, runtime.scheduler(), runtime.channels().errorHandler());
        TcpOutboundGateway gateway = new TcpOutboundGateway(replies, settings, made, relay);
        built = true;
        Runtimes.publishEvents(runtime, made);
        runtime.onClose(made::stop);
        made.start();
        return gateway;
    }

    private RemoteTimeout remoteTimeout(JunctionRuntime runtime, String owner, List<String> problems) {
        if (remoteTimeoutExpression == null) {
            return RemoteTimeout.fixed(remoteTimeout);
        }
        try {
            return RemoteTimeout.of(runtime.expressionParser().parse(remoteTimeoutExpression,
                    "the remote timeout of " + owner));
        } catch (ExpressionParseException invalid) {
            problems.add(TcpRule.INVALID_REMOTE_TIMEOUT.problem(owner + ": " + invalid.getMessage()));
            return null;
        }
    }
}
