package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.runtime.JunctionRuntime;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpMessageListener;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What declaring an inbound gateway or channel adapter shares: its id, the channels, payloads as bytes or text,
 * client mode, and {@link #register()}, which checks everything at once and registers the endpoint with the runtime.
 * Not thread-safe; one registration per spec.
 *
 * @param <S> the spec's own type, for chaining
 * @param <E> the endpoint it registers
 */
public abstract class TcpInboundSpec<S extends TcpInboundSpec<S, E>, E extends TcpInboundEndpoint> {

    private final Junction junction;
    private final Function<TcpMessageListener, ? extends TcpConnectionFactory> factory;
    private final String kind;
    private final String idSuffix;
    private String id;
    private boolean autoStartup = true;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean stringPayloads;
    private Duration requestTimeout = TcpInboundEndpoint.DEFAULT_REQUEST_TIMEOUT;
    private ChannelSetting channel;
    private ChannelSetting errorChannel;
    private boolean clientMode;
    private Duration retryInterval = TcpInboundEndpoint.DEFAULT_RETRY_INTERVAL;
    private boolean registered;

    /**
     * @param kind     the endpoint's kind in problems: {@code TCP inbound gateway}
     * @param idSuffix the endpoint's kind in default ids: {@code tcpInboundGateway}
     */
    TcpInboundSpec(Junction junction, Function<TcpMessageListener, ? extends TcpConnectionFactory> factory,
                   String kind, String idSuffix) {
        this.junction = Objects.requireNonNull(junction, "junction");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.kind = kind;
        this.idSuffix = idSuffix;
    }

    /** The endpoint's id, unique in the runtime; by default {@code <channel>.<kind>}, numbered when taken. */
    public S id(String id) {
        this.id = Objects.requireNonNull(id, "id");
        return self();
    }

    /** Whether the runtime starts the endpoint when it starts (default {@code true}). */
    public S autoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
        return self();
    }

    /** The charset of {@code String} payloads, received or written: UTF-8 by default. */
    public S charset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
        return self();
    }

    /** Received payloads become {@code String}s, decoded in the charset, rather than the default {@code byte[]}. */
    public S payloadAsString() {
        this.stringPayloads = true;
        return self();
    }

    /** How long sending a received message may block: {@link TcpInboundEndpoint#DEFAULT_REQUEST_TIMEOUT}. */
    public S requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return self();
    }

    /** Where the flow's failures go, as error messages; without it a gateway answers them and an adapter logs them. */
    public S errorChannel(String name) {
        this.errorChannel = ChannelSetting.named("error channel", name);
        return self();
    }

    /** As {@link #errorChannel(String)}, with the channel itself. */
    public S errorChannel(MessageChannel channel) {
        this.errorChannel = ChannelSetting.of("error channel", channel);
        return self();
    }

    /**
     * Whether the endpoint connects out through its client factory, which must then keep its connection (not be
     * single-use), instead of waiting for a connection.
     */
    public S clientMode(boolean clientMode) {
        this.clientMode = clientMode;
        return self();
    }

    /** How often client mode connects again while disconnected; {@link TcpInboundEndpoint#DEFAULT_RETRY_INTERVAL}. */
    public S retryInterval(Duration interval) {
        this.retryInterval = Objects.requireNonNull(interval, "interval");
        return self();
    }

    /**
     * Checks the declaration, makes the factory and the endpoint, and registers it with the runtime, which starts
     * it (at once when the runtime runs already, unless not auto-startup) and, when it closes, stops its factory.
     *
     * @return the endpoint
     * @throws ConfigurationException listing every problem, each with its code; nothing is registered
     * @throws IllegalStateException when the spec was registered already
     */
    public final E register() {
        if (registered) {
            throw new IllegalStateException("This " + kind + " spec was registered already; make a new one");
        }
        List<String> problems = new ArrayList<>();
        JunctionRuntime runtime = Runtimes.runtime(junction, "A " + kind, problems);
        if (runtime == null) {
            throw new ConfigurationException(problems);
        }
        String endpointId = id != null ? id : defaultId(runtime);
        String owner = kind + " '" + endpointId + "'";
        MessageChannel target = null;
        if (channel == null) {
            problems.add(TcpRule.NO_REQUEST_CHANNEL.problem(owner + " has no " + channelRole() + "; give it one"));
        } else {
            target = channel.resolveOrCreate(runtime.channels());
        }
        MessageChannel errors = ChannelSetting.resolve(errorChannel, runtime.channels(), owner, problems);
        Runtimes.checkTimeout(owner, "requestTimeout", requestTimeout, problems);
        if (clientMode && (retryInterval.isZero() || retryInterval.isNegative())) {
            problems.add(TcpRule.INVALID_TIMEOUT.problem(owner + ": retryInterval must be positive, was "
                    + retryInterval));
        }
        check(owner, problems);
        ListenerRelay relay = new ListenerRelay();
        TcpConnectionFactory made = Objects.requireNonNull(factory.apply(relay),
                "the connection factory the function returned");
        checkClientMode(owner, made, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        InboundSettings settings = new InboundSettings(endpointId, autoStartup,
                new TcpMessageMapper(charset, stringPayloads), target, errors, requestTimeout, clientMode,
                retryInterval, runtime.scheduler());
        E endpoint = create(settings, made, relay, charset);
        try {
            runtime.endpoints().register(endpoint);
        } catch (IllegalStateException duplicateId) {
            throw new ConfigurationException(List.of(duplicateId.getMessage()));
        }
        registered = true;
        Runtimes.publishEvents(runtime, made);
        endpoint.addEventListener(runtime::publishEvent);
        runtime.onClose(made::stop);
        if (runtime.isRunning() && autoStartup) {
            endpoint.start();
        }
        return endpoint;
    }

    private void checkClientMode(String owner, TcpConnectionFactory made, List<String> problems) {
        if (!clientMode) {
            return;
        }
        if (!(made instanceof TcpClientFactory)) {
            problems.add(TcpRule.CLIENT_MODE_NEEDS_CLIENT_FACTORY.problem(owner + " is in client mode, but its"
                    + " factory " + made + " is a server; give it a client factory, or leave client mode off"));
        } else if (made.options().singleUse()) {
            problems.add(TcpRule.SINGLE_USE_CLIENT_MODE.problem(owner + " is in client mode, but its client"
                    + " factory " + made + " is single-use (a caching factory is too); build the factory with"
                    + " TcpConnectionOptions.singleUse(false), so that it keeps its connection"));
        }
    }

    private String defaultId(JunctionRuntime runtime) {
        String base = (channel == null ? "tcp" : channel.channelName()) + "." + idSuffix;
        String candidate = base;
        for (int n = 2; runtime.endpoints().endpoint(candidate).isPresent(); n++) {
            candidate = base + "#" + n;
        }
        return candidate;
    }

    /** Sets the channel received messages go to. */
    final S channel(ChannelSetting setting) {
        this.channel = setting;
        return self();
    }

    /** @return what the channel is called for this kind: {@code request channel} */
    abstract String channelRole();

    /** Adds the problems of the subclass's own settings. */
    abstract void check(String owner, List<String> problems);

    abstract E create(InboundSettings settings, TcpConnectionFactory factory, ListenerRelay relay, Charset charset);

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
