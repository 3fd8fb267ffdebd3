package dev.junction.tcp.adapter;

import dev.junction.api.error.MessagingException;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.TcpConnectionOptions;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbound connection definition: TCP client connections to {@link #getHost() host}:{@link #getPort() port},
 * framed by a serializer, handed to applications as {@link TcpClientConnectionFactory}.
 *
 * <p>In an application server, the server creates it from the deployment's configuration, associates it with the
 * {@link TcpResourceAdapter} and pools its managed connections; the sockets are read on the adapter's work manager.
 * In Java SE the same class runs unmanaged: {@link #createConnectionFactory()} gives a factory whose connections
 * are made on demand and destroyed when their handle is closed, read on a pool of daemon threads this factory owns
 * until {@link #shutdown()}.
 *
 * <p>Properties (JavaBean setters, as the Connectors specification has the server configure them): {@code host} and
 * {@code port} (required), {@code cacheSize} (sockets kept for reuse, default {@link #DEFAULT_CACHE_SIZE}), {@code
 * replyTimeout} in ms (default {@link #DEFAULT_REPLY_TIMEOUT}), and the socket properties every level shares: {@code
 * serializer}, {@code maxMessageSize}, {@code soTimeout}, {@code connectTimeout}, {@code sendTimeout}, {@code
 * tcpNoDelay}, {@code keepAlive}. A property set here wins over the adapter's, which wins over the default. Two
 * factories with the same properties are equal.
 */
public class TcpManagedConnectionFactory implements ManagedConnectionFactory, ValidatingManagedConnectionFactory,
        ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    /** Default {@code replyTimeout}: 10 seconds. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@code cacheSize}: 0, no socket is kept by the adapter (the server's pool keeps connections). */
    public static final int DEFAULT_CACHE_SIZE = 0;

    private static final String BEAN = "TcpManagedConnectionFactory";

    private String host;
    private Integer port;
    private Integer cacheSize;
    private Long replyTimeout;
    private final TcpSettings settings = new TcpSettings();

    private transient TcpResourceAdapter adapter;
    private transient PrintWriter logWriter;
    private transient ClientConnections client; // guarded by this
    private transient ExecutorService unmanagedThreads; // guarded by this; Java SE only

    /** Unconfigured, as the server creates it; set {@code host} and {@code port}. */
    public TcpManagedConnectionFactory() {
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new ConnectionFactoryHandle(this, manager);
    }

    /** Unmanaged mode (Java SE): connections made on demand and destroyed with their handle. */
    @Override
    public Object createConnectionFactory() {
        return new ConnectionFactoryHandle(this, new NonManagedConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        Duration timeout = Duration.ofMillis(effectiveReplyTimeout());
        ClientConnections connections = clientConnections();
        try {
            return new ManagedTcpConnection(this, info, connections, timeout);
        } catch (MessagingException | IllegalStateException e) {
            throw new ResourceException("Cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Matches a valid connection of an equal factory made for an equal request info (the info is null today). */
    @Override
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof ManagedTcpConnection connection && connection.matches(this, info)) {
                return connection;
            }
        }
        return null;
    }

    /** @return the connections that failed, were closed by the peer or gave up waiting for a reply */
    @Override
    public Set<ManagedConnection> getInvalidConnections(Set candidates) {
        Set<ManagedConnection> invalid = new HashSet<>();
        for (Object candidate : candidates) {
            if (candidate instanceof ManagedTcpConnection connection && !connection.isValid()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    /**
     * Checks every property, as the server's deployment does when it creates the factory, so that a mistake fails
     * the deployment rather than the first connection.
     *
     * @throws InvalidPropertyException with a coded message naming the property
     */
    public void validate() throws InvalidPropertyException {
        options();
        effectiveReplyTimeout();
        effectiveCacheSize();
    }

    /**
     * Closes every connection, lent or kept, and ends the threads of unmanaged mode; in a server the adapter does
     * this when it stops. The factory may be used again afterwards.
     */
    public void shutdown() {
        ClientConnections stopping;
        ExecutorService threads;
        synchronized (this) {
            stopping = client;
            threads = unmanagedThreads;
            client = null;
            unmanagedThreads = null;
        }
        if (stopping != null) {
            stopping.stop();
        }
        if (threads != null) {
            threads.shutdown();
            try {
                threads.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return how many sockets this factory has open now */
    int openConnections() {
        ClientConnections current;
        synchronized (this) {
            current = client;
        }
        return current == null ? 0 : current.openConnections();
    }

    private synchronized ClientConnections clientConnections() throws ResourceException {
        if (client == null) {
            TcpConnectionOptions options = options();
            int cache = effectiveCacheSize();
            client = new ClientConnections(host, options, cache, CachingTcpClientFactory.DEFAULT_WAIT_TIMEOUT,
                    adapter != null && adapter.executor() != null ? adapter.executor() : unmanagedThreads());
        }
        return client;
    }

    // Java SE has no work manager: this factory then owns its readers' threads, ended by shutdown().
    private ExecutorService unmanagedThreads() {
        if (unmanagedThreads == null) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory daemons = task -> {
                Thread thread = new Thread(task, "junction-tcp-unmanaged-" + host + ":" + port + "-"
                        + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            unmanagedThreads = Executors.newCachedThreadPool(daemons);
        }
        return unmanagedThreads;
    }

    /** @return the client options: this definition's properties over the adapter's over the defaults */
    TcpConnectionOptions options() throws InvalidPropertyException {
        if (host == null || host.isBlank()) {
            throw AdapterRule.NO_HOST.invalid(BEAN, "host", host);
        }
        if (port == null || port < 1 || port > 65_535) {
            throw AdapterRule.INVALID_PORT.invalid(BEAN, "port", port);
        }
        TcpSettings effective = adapter == null ? settings : settings.over(adapter.settings());
        TcpConnectionOptions.Builder options = effective.options(BEAN).port(port);
        return options.singleUse(true).build();
    }

    private long effectiveReplyTimeout() throws InvalidPropertyException {
        Long value = replyTimeout != null ? replyTimeout
                : adapter != null && adapter.getReplyTimeout() != null ? adapter.getReplyTimeout()
                : Long.valueOf(DEFAULT_REPLY_TIMEOUT.toMillis());
        return TcpSettings.atLeast(1, value, replyTimeout != null ? BEAN : "TcpResourceAdapter", "replyTimeout");
    }

    private int effectiveCacheSize() throws InvalidPropertyException {
        return cacheSize == null ? DEFAULT_CACHE_SIZE : TcpSettings.atLeast(0, cacheSize, BEAN, "cacheSize");
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        if (!(adapter instanceof TcpResourceAdapter tcp)) {
            throw new ResourceException("A TcpManagedConnectionFactory belongs to a TcpResourceAdapter, not " + adapter);
        }
        this.adapter = tcp;
        tcp.associate(this);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // JavaBean properties, set by the server from the deployment's configuration.

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Integer getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(Integer cacheSize) {
        this.cacheSize = cacheSize;
    }

    public Long getReplyTimeout() {
        return replyTimeout;
    }

    public void setReplyTimeout(Long replyTimeout) {
        this.replyTimeout = replyTimeout;
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

    /** Equal when every property is: the server may then pool their connections together. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TcpManagedConnectionFactory that && Objects.equals(host, that.host)
                && Objects.equals(port, that.port) && Objects.equals(cacheSize, that.cacheSize)
                && Objects.equals(replyTimeout, that.replyTimeout) && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, cacheSize, replyTimeout, settings);
    }

    @Override
    public String toString() {
        return "TcpManagedConnectionFactory[" + host + ":" + port + ", cacheSize=" + cacheSize + ", replyTimeout="
                + replyTimeout + ", " + settings + "]";
    }
}
