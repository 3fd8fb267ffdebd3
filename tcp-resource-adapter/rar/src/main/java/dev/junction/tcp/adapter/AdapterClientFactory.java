package dev.junction.tcp.adapter;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessagingException;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionEventListener;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpMessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A TCP gateway's client factory whose connections are lent by a connection factory of the adapter: in a server,
 * pooled managed connections read on the adapter's work manager; in Java SE, the unmanaged ones of a
 * {@link TcpManagedConnectionFactory}. It starts no thread: each requester reads its own reply
 * ({@link #enableCallerReads()}), so it serves a synchronous outbound gateway without an unsolicited channel, and
 * refuses to start for anything else.
 *
 * <p>Every connection is single-use from the gateway's side: each exchange takes a handle and closes it, which gives
 * the connection back to the server's pool. The pool owns the sockets, so this factory publishes no connection
 * events: listeners are kept but never called. Stopping it gives back the handles lent and, when it made its
 * connection definition itself (Java SE), shuts that definition down.
 *
 * <p>The connection factory is known when the gateway is declared, or, when the server had not bound it yet (on
 * Payara an application's own definition is not found while CDI starts the application), looked up at the first
 * exchange.
 */
final class AdapterClientFactory implements TcpClientFactory {

    private final String name;
    private final Supplier<ConnectionFactoryHandle> lookup;
    private final TcpMessageListener listener;
    private final boolean ownsDefinition;
    private final String describedHost;
    private final TcpConnectionOptions options;
    private final Set<AdapterConnection> lent = ConcurrentHashMap.newKeySet();
    private final List<TcpConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionFactoryHandle connections;
    private volatile boolean callerReads;
    private volatile boolean running;

    /**
     * @param name           how errors name the connection factory (its JNDI name, or a description)
     * @param ownsDefinition whether stopping shuts the definition down (one made in Java SE for this gateway)
     * @throws ConfigurationException when the definition's properties are invalid
     */
    AdapterClientFactory(String name, ConnectionFactoryHandle connections, TcpMessageListener listener,
                         boolean ownsDefinition) {
        this.name = name;
        this.lookup = () -> connections;
        this.connections = connections;
        this.listener = listener;
        this.ownsDefinition = ownsDefinition;
        TcpManagedConnectionFactory definition = connections.definition();
        this.describedHost = definition.getHost();
        try {
            this.options = definition.options();
        } catch (InvalidPropertyException invalid) {
            throw new ConfigurationException(List.of(invalid.getMessage() + " (connection factory " + name + ")"));
        }
    }

    /**
     * A factory whose connection factory is looked up at the first exchange.
     *
     * @param lookup finds the connection factory, or throws a coded {@link ConfigurationException}; called again at
     *               the next exchange when it failed
     * @param host   the host the definition is expected to name, for logs and errors until it is looked up
     * @param port   the port likewise, 0 when not known
     */
    AdapterClientFactory(String name, Supplier<ConnectionFactoryHandle> lookup, String host, int port,
                         TcpMessageListener listener) {
        this.name = name;
        this.lookup = lookup;
        this.listener = listener;
        this.ownsDefinition = false;
        this.describedHost = host;
        // what the gateway reads of these options: single-use, and the port naming it; the definition frames
        this.options = TcpConnectionOptions.builder(FrameCodecs.crlf()).port(port).singleUse(true).build();
    }

    @Override
    public TcpConnection getConnection() {
        if (!running) {
            throw new IllegalStateException("The client factory of " + name + " is not running");
        }
        ConnectionFactoryHandle factory = connections();
        TcpClientConnection lentHandle;
        try {
            lentHandle = factory.getConnection();
        } catch (ResourceException failed) {
            throw new MessagingException(null, "No connection from " + name + " (" + factory.definition().getHost()
                    + ":" + factory.definition().getPort() + "): " + failed.getMessage(), failed);
        }
        if (!(lentHandle instanceof ConnectionHandle handle)) {
            lentHandle.close();
            throw new MessagingException("The server lent " + lentHandle.getClass().getName() + " from " + name
                    + " instead of the adapter's own connection handle; a gateway cannot read replies on it");
        }
        AdapterConnection connection = new AdapterConnection(handle, listener, lent::remove);
        lent.add(connection);
        return connection;
    }

    private ConnectionFactoryHandle connections() {
        ConnectionFactoryHandle known = connections;
        if (known == null) {
            synchronized (this) {
                if (connections == null) {
                    connections = lookup.get();
                }
                known = connections;
            }
        }
        return known;
    }

    @Override
    public String host() {
        ConnectionFactoryHandle known = connections;
        return known != null ? known.definition().getHost() : describedHost;
    }

    @Override
    public boolean enableCallerReads() {
        if (running) {
            throw new IllegalStateException("Caller reads are chosen before the factory starts");
        }
        callerReads = true;
        return true;
    }

    /**
     * @throws ConfigurationException {@code JNC-1112} when the gateway did not choose caller reads: it is asynchronous
     *         or has an unsolicited channel, or it is not an outbound gateway
     */
    @Override
    public void start() {
        if (!callerReads) {
            throw new ConfigurationException(List.of(AdapterRule.REQUESTERS_READ.problem("The connection factory "
                    + name + " is used by an endpoint that does not read its replies itself; declare a synchronous"
                    + " Tcp.outboundGateway without unsolicitedChannel, or give that endpoint a factory of"
                    + " junction-tcp")));
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (AdapterConnection connection : lent) {
            connection.close();
        }
        ConnectionFactoryHandle known = connections;
        if (ownsDefinition && known != null) {
            known.definition().shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** @return single-use options (one handle per exchange) naming the definition's port */
    @Override
    public TcpConnectionOptions options() {
        return options;
    }

    /** @return the connections lent to exchanges now */
    @Override
    public List<TcpConnection> openConnections() {
        return List.copyOf(lent);
    }

    @Override
    public void addEventListener(TcpConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeEventListener(TcpConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        ConnectionFactoryHandle known = connections;
        if (known == null) {
            return "connection factory " + name + " of the Junction TCP adapter (" + describedHost + ":"
                    + options.port() + ", looked up at the first exchange)";
        }
        TcpManagedConnectionFactory definition = known.definition();
        return "connection factory " + name + " of the Junction TCP adapter (" + definition.getHost() + ":"
                + definition.getPort() + (known.isPooledByServer() ? ", pooled by the server)" : ", unmanaged)");
    }
}
