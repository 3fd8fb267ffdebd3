package dev.junction.tcp.gateway;

import dev.junction.api.management.ManagedOperation;
import dev.junction.impl.endpoint.MessageProducerEndpoint;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionFactory;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What TCP inbound gateways and channel adapters share: a connection factory of their own whose payloads they
 * receive, each as a message with the {@link TcpHeaders} of its connection; client mode; and a lifecycle run by the
 * runtime. They are {@link MessageProducerEndpoint}s: they start after every consumer and stop first.
 *
 * <p><b>Stopping.</b> A stopping endpoint refuses new payloads (their connections are closed) but lets the exchanges
 * in progress finish: their replies are still written. It stops its factory, which closes every connection, when the
 * last of them is done; when the runtime's drain deadline ends the wait first, the connections are closed then.
 *
 * <p><b>Client mode.</b> An endpoint on a client factory in client mode connects out instead of waiting for
 * connections: when it starts, then every retry interval (on the runtime's scheduler) while the connection is
 * broken, or at once with {@link #retryConnection()}. The server sends its requests on that connection.
 *
 * <p><b>Single-use connections.</b> On a single-use factory a connection serves one exchange: it is closed once the
 * payload was handled (and a gateway's reply written).
 */
public abstract class TcpInboundEndpoint extends MessageProducerEndpoint {

    /** Default request timeout: how long sending a received message to the channel may block, 1 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(1000);
    /** Default retry interval of client mode: 60 s between attempts to connect again. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(TcpInboundEndpoint.class.getName());

    private final TcpConnectionFactory factory;
    private final ConnectionIndex index = new ConnectionIndex();
    private final TcpMessageMapper mapper;
    private final ExchangeGate gate;
    private final GatewayEvents events = new GatewayEvents();
    private final ClientModeConnector connector;
    private final boolean closeAfterExchange;

    /**
     * @param factory the endpoint's own factory, not started
     * @param relay   the listener the factory was made with, to pass its payloads to this endpoint
     */
    TcpInboundEndpoint(InboundSettings settings, TcpConnectionFactory factory, ListenerRelay relay) {
        super(settings.id(), settings.autoStartup());
        this.factory = factory;
        this.mapper = settings.mapper();
        this.gate = new ExchangeGate(factory::stop, () -> factory.openConnections().forEach(TcpConnection::close));
        // a caching factory's connections go back to its pool instead: closing them would empty it
        this.closeAfterExchange = factory.options().singleUse() && !(factory instanceof CachingTcpClientFactory);
        this.connector = settings.clientMode() ? new ClientModeConnector((TcpClientFactory) factory,
                settings.scheduler(), settings.retryInterval(), toString()) : null;
        factory.addEventListener(index);
        factory.addEventListener(mapper);
        relay.deliverTo(this::receive);
    }

    /** @return the factory the endpoint listens to: to read a server's port, or for an outbound adapter to share */
    public TcpConnectionFactory connectionFactory() {
        return factory;
    }

    /** @return whether the endpoint connects out through its client factory */
    public boolean isClientMode() {
        return connector != null;
    }

    /** @return whether, in client mode, the endpoint's connection is established and open */
    @ManagedOperation(description = "whether, in client mode, the endpoint's connection is open")
    public boolean isClientModeConnected() {
        return connector != null && connector.isConnected();
    }

    /**
     * Connects now, in client mode, unless connected: after the server came back, say, without waiting for the
     * retry interval.
     *
     * @throws IllegalStateException when the endpoint is not in client mode or not running
     * @throws dev.junction.api.error.MessagingException when the connection cannot be established
     */
    @ManagedOperation(description = "connects now, in client mode, unless connected")
    public void retryConnection() {
        if (connector == null) {
            throw new IllegalStateException(this + " is not in client mode: it waits for connections");
        }
        if (!isRunning()) {
            throw new IllegalStateException(this + " is not running: start it first");
        }
        connector.connect();
    }

    /** @param listener told about every failed, timed-out or refused exchange from now on */
    public void addEventListener(Consumer<? super TcpGatewayEvent> listener) {
        events.add(listener);
    }

    /** @param listener no longer told; does nothing when it was not added */
    public void removeEventListener(Consumer<? super TcpGatewayEvent> listener) {
        events.remove(listener);
    }

    /** @return how many payloads are being handled now: requests waiting for their replies, messages being sent */
    @Override
    public long exchangesInProgress() {
        return gate.inProgress();
    }

    @Override
    protected void doStart() {
        gate.settlePreviousStop();
        gate.open();
        try {
            factory.start();
        } catch (RuntimeException failed) {
            gate.close();
            throw failed;
        }
        if (connector != null) {
            connector.start();
        }
    }

    @Override
    protected void doStop() {
        if (connector != null) {
            connector.stop();
        }
        gate.close();
    }

    /**
     * The runtime's drain deadline passed while exchanges were in progress: their connections are closed now, and
     * the factory stops once they end (a flow that never returns keeps the factory's task).
     */
    @Override
    protected void drainFinished() {
        gate.abandon();
    }

    /** Handles one payload, on its connection's task; exceptions are the subclass's to handle. */
    abstract void handle(TcpConnection connection, byte[] payload);

    /** @return the open connection of that id, of this endpoint's factory */
    Optional<TcpConnection> connection(String id) {
        return index.find(id);
    }

    TcpMessageMapper mapper() {
        return mapper;
    }

    GatewayEvents events() {
        return events;
    }

    private void receive(TcpConnection connection, byte[] payload) {
        if (!gate.enter()) {
            LOG.log(Level.INFO, "{0} is stopping: it refused a payload and closed connection {1}", this,
                    connection.id());
            connection.close();
            events.publish(new TcpGatewayEvent.RequestRefused(getId(), connection.id()));
            return;
        }
        try {
            handle(connection, payload);
        } finally {
            if (closeAfterExchange) {
                connection.close();
            }
            gate.leave();
        }
    }
}
