package dev.junction.tcp.gateway;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.runtime.JunctionRuntime;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpMessageListener;

import java.lang.System.Logger.Level;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Declares a {@link TcpOutboundChannelAdapter}, on a client factory of its own or on an inbound endpoint's factory:
 * made by {@link Tcp#outboundAdapter}, {@link #build()} returns the handler to use as a flow's step. Not thread-safe;
 * one build per spec.
 *
 * <pre>{@code
 * TcpInboundChannelAdapter in = Tcp.inboundAdapter(junction, listener -> new NioTcpServerFactory(...))
 *         .outputChannel("requests").register();
 * junction.flow("answers").handle(Tcp.outboundAdapter(junction, in).build());  // answers by ip_connectionId
 * }</pre>
 */
public final class TcpOutboundAdapterSpec {

    private static final System.Logger LOG = System.getLogger(TcpOutboundAdapterSpec.class.getName());

    private final Junction junction;
    private final Function<TcpMessageListener, ? extends TcpClientFactory> factory;
    private final TcpInboundEndpoint collaborator;
    private String name;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean built;

    TcpOutboundAdapterSpec(Junction junction, Function<TcpMessageListener, ? extends TcpClientFactory> factory,
                           TcpInboundEndpoint collaborator) {
        this.junction = Objects.requireNonNull(junction, "junction");
        this.factory = factory;
        this.collaborator = collaborator;
    }

    /** How logs and errors name the adapter; by default after its factory. */
    public TcpOutboundAdapterSpec name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The charset {@code String} payloads are written in: UTF-8 by default. */
    public TcpOutboundAdapterSpec charset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
        return this;
    }

    /**
     * Makes the adapter. On a factory of its own, starts the factory, which the runtime stops when it closes; what
     * the server sends on it is logged and dropped (an inbound adapter on the factory would receive it). On an
     * inbound endpoint's factory, the endpoint starts and stops it.
     *
     * @throws ConfigurationException when the junction is not Junction's own runtime
     * @throws IllegalStateException when the spec was built already
     */
    public TcpOutboundChannelAdapter build() {
        if (built) {
            throw new IllegalStateException("This TCP outbound adapter spec was built already; make a new one");
        }
        List<String> problems = new ArrayList<>();
        JunctionRuntime runtime = Runtimes.runtime(junction, "A TCP outbound channel adapter", problems);
        if (runtime == null) {
            throw new ConfigurationException(problems);
        }
        TcpMessageMapper mapper = new TcpMessageMapper(charset, false);
        built = true;
        if (collaborator != null) {
            TcpConnectionFactory shared = collaborator.connectionFactory();
            return new TcpOutboundChannelAdapter(name != null ? name : "TCP outbound adapter of "
                    + collaborator.getId(), mapper, shared, collaborator);
        }
        ListenerRelay relay = new ListenerRelay();
        TcpClientFactory made = Objects.requireNonNull(factory.apply(relay),
                "the connection factory the function returned");
        String owner = name != null ? name : "TCP outbound adapter to " + made.host() + ":" + made.options().port();
        relay.deliverTo((connection, payload) -> LOG.log(Level.WARNING, "{0} dropped {1} bytes the server sent on"
                + " connection {2}: it only sends; an inbound adapter on its factory would receive them", owner,
                payload.length, connection.id()));
        Runtimes.publishEvents(runtime, made);
        runtime.onClose(made::stop);
        made.start();
        return new TcpOutboundChannelAdapter(owner, mapper, made, null);
    }
}
