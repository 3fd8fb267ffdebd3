package dev.junction.tcp.gateway;

import dev.junction.api.runtime.Junction;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpMessageListener;

import java.util.Objects;
import java.util.function.Function;

/**
 * Declares TCP gateways and channel adapters on a runtime, in plain Java. Each endpoint makes its own connection
 * factory from a function given the listener the factory must deliver to (a factory takes its listener when it is
 * constructed), so the endpoint owns it: starts it, stops it, and the runtime stops it when it closes.
 *
 * <pre>{@code
 * ExecutorService executor = Executors.newCachedThreadPool();
 * TcpConnectionOptions options = TcpConnectionOptions.builder(FrameCodecs.crlf()).port(4242).build();
 * junction.flow("orders").transform((String order) -> order.toUpperCase());
 * TcpInboundGateway server = Tcp.inboundGateway(junction,
 *                 listener -> new BlockingTcpServerFactory(options, executor, listener))
 *         .requestChannel("orders").payloadAsString().id("orderServer").register();
 * junction.start();
 * }</pre>
 *
 * <p>Inbound endpoints are registered with the runtime and run with it; outbound ones are message handlers, a
 * flow's steps ({@code junction.flow("quotes").handle(outboundGateway)}). Every declaration checks all its settings
 * at once and reports every problem, each with its code ({@code JNC-07xx}), in one
 * {@link dev.junction.api.error.ConfigurationException}. The runtime must be Junction's own ({@code junction-impl}).
 */
public final class Tcp {

    private Tcp() {
    }

    /**
     * @param factory makes the gateway's factory, delivering to the listener given: a server factory, or a client
     *                factory for client mode or to answer on connections an outbound adapter opens
     */
    public static TcpInboundGatewaySpec inboundGateway(
            Junction junction, Function<TcpMessageListener, ? extends TcpConnectionFactory> factory) {
        return new TcpInboundGatewaySpec(junction, factory);
    }

    /** @param factory makes the adapter's factory, delivering to the listener given: a server or a client factory */
    public static TcpInboundAdapterSpec inboundAdapter(
            Junction junction, Function<TcpMessageListener, ? extends TcpConnectionFactory> factory) {
        return new TcpInboundAdapterSpec(junction, factory);
    }

    /** @param factory makes the gateway's client factory, delivering the replies to the listener given */
    public static TcpOutboundGatewaySpec outboundGateway(
            Junction junction, Function<TcpMessageListener, ? extends TcpClientFactory> factory) {
        return new TcpOutboundGatewaySpec(junction, factory);
    }

    /** @param factory makes the adapter's own client factory, delivering to the listener given */
    public static TcpOutboundAdapterSpec outboundAdapter(
            Junction junction, Function<TcpMessageListener, ? extends TcpClientFactory> factory) {
        return new TcpOutboundAdapterSpec(junction, Objects.requireNonNull(factory, "factory"), null);
    }

    /**
     * An outbound adapter collaborating with an inbound endpoint on its factory: on a server's connections it sends
     * to the one a message's {@link TcpHeaders#CONNECTION_ID} names; on a client factory it sends what the endpoint
     * then receives the replies to.
     */
    public static TcpOutboundAdapterSpec outboundAdapter(Junction junction, TcpInboundEndpoint collaborator) {
        return new TcpOutboundAdapterSpec(junction, null, Objects.requireNonNull(collaborator, "collaborator"));
    }
}
