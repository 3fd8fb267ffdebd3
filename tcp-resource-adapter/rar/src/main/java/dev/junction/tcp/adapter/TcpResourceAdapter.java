package dev.junction.tcp.adapter;

import dev.junction.api.error.MessagingException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The Junction TCP resource adapter: hosts the TCP connection factories of {@code junction-tcp} in an application
 * server, every task of theirs a work of the server's work manager. Outbound, {@link TcpManagedConnectionFactory}
 * hands applications {@link TcpClientConnectionFactory}; inbound, each endpoint activated with a
 * {@link TcpActivationSpec} gets a TCP server whose messages go to a {@link TcpRequestListener}.
 *
 * <p>Properties set here ({@code serializer}, {@code maxMessageSize}, {@code soTimeout}, {@code connectTimeout}, {@code
 * sendTimeout}, {@code tcpNoDelay}, {@code keepAlive}, {@code replyTimeout}) are the defaults of every connection
 * definition and activation spec; each may set its own, which wins. {@link #start} rejects invalid ones with a coded
 * message.
 *
 * <p>Activating an endpoint a second time with the same factory and the same spec values does nothing: some servers
 * activate twice. {@link #stop()} stops every server and closes every connection, inbound and outbound, and returns
 * once every work it started has ended.
 */
public class TcpResourceAdapter implements ResourceAdapter {

    private static final String BEAN = "TcpResourceAdapter";

    private final TcpSettings settings = new TcpSettings();
    private Long replyTimeout;

    private final Map<ActivationKey, Activation> activations = new ConcurrentHashMap<>();
    // by identity: a factory's equality follows its properties, which the server may set after associating it
    private final Set<TcpManagedConnectionFactory> factories =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private volatile Executor executor;

    /** Unconfigured, as the server creates it. */
    public TcpResourceAdapter() {
    }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            settings.options(BEAN).build();
            if (replyTimeout != null) {
                TcpSettings.atLeast(1, replyTimeout, BEAN, "replyTimeout");
            }
        } catch (InvalidPropertyException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        executor = new WorkManagerExecutor(context.getWorkManager());
    }

    @Override
    public void stop() {
        for (ActivationKey key : List.copyOf(activations.keySet())) {
            Activation activation = activations.remove(key);
            if (activation != null) {
                activation.stop();
            }
        }
        List<TcpManagedConnectionFactory> associated;
        synchronized (factories) {
            associated = List.copyOf(factories);
        }
        for (TcpManagedConnectionFactory factory : associated) {
            factory.shutdown();
        }
        factories.clear();
        executor = null;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpoints, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof TcpActivationSpec tcp)) {
            throw new NotSupportedException("The Junction TCP adapter activates TcpActivationSpec only, not " + spec);
        }
        Class<?> endpointClass = endpoints.getEndpointClass();
        if (endpointClass != null && !TcpRequestListener.class.isAssignableFrom(endpointClass)) {
            throw new NotSupportedException(AdapterRule.NOT_A_REQUEST_LISTENER.problem("the endpoint "
                    + endpointClass.getName() + " does not implement it"));
        }
        if (tcp.getResourceAdapter() == null) {
            tcp.setResourceAdapter(this);
        }
        Executor current = requireStarted();
        ActivationKey key = new ActivationKey(endpoints, tcp.values());
        Activation activation = new Activation(endpoints, tcp.options(), tcp.nio(), current);
        if (activations.putIfAbsent(key, activation) != null) {
            return;
        }
        try {
            activation.start();
        } catch (MessagingException e) {
            activations.remove(key, activation);
            throw new ResourceException("Cannot listen as " + tcp + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpoints, ActivationSpec spec) {
        if (spec instanceof TcpActivationSpec tcp) {
            Activation activation = activations.remove(new ActivationKey(endpoints, tcp.values()));
            if (activation != null) {
                activation.stop();
            }
        }
    }

    /** @return no resource: TCP takes part in no transaction */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** @return the port an activated endpoint listens on (the chosen one when it asked for 0); for tests */
    int port(MessageEndpointFactory endpoints, TcpActivationSpec spec) {
        return activationOf(endpoints, spec).port();
    }

    /** @return how many client connections an activated endpoint has open; for tests */
    int openConnections(MessageEndpointFactory endpoints, TcpActivationSpec spec) {
        return activationOf(endpoints, spec).openConnections();
    }

    /** @return how many endpoints are activated */
    int activations() {
        return activations.size();
    }

    /** @return the work manager as an executor; null before start and after stop */
    Executor executor() {
        return executor;
    }

    TcpSettings settings() {
        return settings;
    }

    /** A connection factory of this adapter, shut down when it stops. */
    void associate(TcpManagedConnectionFactory factory) {
        factories.add(factory);
    }

    private Activation activationOf(MessageEndpointFactory endpoints, TcpActivationSpec spec) {
        Activation activation = activations.get(new ActivationKey(endpoints, spec.values()));
        if (activation == null) {
            throw new IllegalStateException("Not activated: " + spec);
        }
        return activation;
    }

    private Executor requireStarted() throws ResourceException {
        Executor current = executor;
        if (current == null) {
            throw new jakarta.resource.spi.IllegalStateException("The Junction TCP adapter is not started");
        }
        return current;
    }

    public String getSerializer() {
        return settings.serializer;
    }

    public void setSerializer(String serializer) {
        settings.serializer = serializer;
    }

    public Integer getMaxMessageSize() {
        return settings.maxMessageSize;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        settings.maxMessageSize = maxMessageSize;
    }

    public Long getSoTimeout() {
        return settings.soTimeout;
    }

    public void setSoTimeout(Long soTimeout) {
        settings.soTimeout = soTimeout;
    }

    public Long getSendTimeout() {
        return settings.sendTimeout;
    }

    /**
     * @param sendTimeout ms a write may wait for the peer to read (its socket buffers full) before the connection is
     *                    closed; at least 1; unset: the level above's, then 10 s
     */
    public void setSendTimeout(Long sendTimeout) {
        settings.sendTimeout = sendTimeout;
    }

    public Long getConnectTimeout() {
        return settings.connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        settings.connectTimeout = connectTimeout;
    }

    public Boolean getTcpNoDelay() {
        return settings.tcpNoDelay;
    }

    public void setTcpNoDelay(Boolean tcpNoDelay) {
        settings.tcpNoDelay = tcpNoDelay;
    }

    public Boolean getKeepAlive() {
        return settings.keepAlive;
    }

    public void setKeepAlive(Boolean keepAlive) {
        settings.keepAlive = keepAlive;
    }

    public Long getReplyTimeout() {
        return replyTimeout;
    }

    public void setReplyTimeout(Long replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    /**
     * Equal when every property is, as the Connectors specification requires of a resource adapter bean (servers
     * check it when they deploy the adapter); its running state takes no part.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TcpResourceAdapter that && settings.equals(that.settings)
                && Objects.equals(replyTimeout, that.replyTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, replyTimeout);
    }

    /** An activation is one endpoint factory with one set of spec values. */
    private record ActivationKey(MessageEndpointFactory endpoints, List<Object> specValues) {
    }
}
