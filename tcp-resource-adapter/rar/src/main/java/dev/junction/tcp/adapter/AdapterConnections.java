package dev.junction.tcp.adapter;

import dev.junction.api.error.ConfigurationException;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpMessageListener;
import jakarta.resource.ConnectionFactoryDefinition;

import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The adapter's connection factories as the client factories of TCP outbound gateways
 * ({@code dev.junction.tcp.gateway.Tcp#outboundGateway}), so that an application declares its gateway once and runs
 * unchanged in an application server, where the connections are the server's pooled managed connections read on the
 * adapter's work manager, and in Java SE, where the same connection definition runs unmanaged:
 *
 * <pre>{@code
 * @ConnectionFactoryDefinition(name = "java:app/eis/quotes", resourceAdapter = "junction-tcp-adapter",
 *         interfaceName = "dev.junction.tcp.adapter.TcpClientConnectionFactory",
 *         properties = {"host=quotes.example", "port=7100"})
 * public class QuoteClient implements Declaration {
 *     public void declare(Junction junction) {
 *         junction.flow("quotes").handle(Tcp.outboundGateway(junction, AdapterConnections.definedOn(QuoteClient.class))
 *                 .payloadAsString().build());
 *     }
 * }
 * }</pre>
 *
 * Each function is applied once, when the gateway is built; a mistake then fails the declaration with a coded
 * {@link ConfigurationException} naming the connection factory and the fix, except a name the server has not bound
 * yet, which is looked up at the first exchange and fails each exchange until it is bound. The gateway reads each reply on the
 * requesting thread: it must be synchronous and have no unsolicited channel ({@code JNC-1112}).
 */
public final class AdapterConnections {

    private AdapterConnections() {
    }

    /**
     * @param connections a connection factory of the adapter: injected by {@code @Resource}, looked up, or in Java
     *                    SE {@link TcpManagedConnectionFactory#createConnectionFactory()} (the application shuts that
     *                    definition down)
     * @return the gateway's client factory, lending a connection of {@code connections} to each exchange
     */
    public static Function<TcpMessageListener, TcpClientFactory> of(TcpClientConnectionFactory connections) {
        Objects.requireNonNull(connections, "connections");
        return listener -> {
            ConnectionFactoryHandle handle = handle(connections, "The connection factory given");
            TcpManagedConnectionFactory definition = handle.definition();
            return new AdapterClientFactory("to " + definition.getHost() + ":" + definition.getPort(), handle,
                    listener, false);
        };
    }

    /**
     * @param name the JNDI name of a connection factory the server hosts: {@code java:comp/env/...} for a resource
     *             reference, or the server's own name of the connection definition
     * @return the gateway's client factory, lending a connection of that factory to each exchange; looked up when
     *         the gateway is built or, when the server has not bound it yet, at the first exchange
     * @throws ConfigurationException {@code JNC-1109} when the gateway is built without a naming service (Java SE),
     *         {@code JNC-1108} when something else is bound under the name; at the first exchange {@code JNC-1107}
     *         when nothing is bound under it then
     */
    public static Function<TcpMessageListener, TcpClientFactory> lookup(String name) {
        Objects.requireNonNull(name, "name");
        return listener -> {
            try {
                ConnectionFactoryHandle found = lookUp(name);
                return found != null ? new AdapterClientFactory(name, found, listener, false)
                        : new AdapterClientFactory(name, () -> bound(name), "?", 0, listener);
            } catch (NoInitialContextException javaSe) {
                throw problem(AdapterRule.NO_NAMING_SERVICE, "The connection factory " + name + " cannot be looked"
                        + " up: there is no naming service (" + javaSe.getMessage() + ")");
            }
        };
    }

    /**
     * @param type the application class carrying the {@link ConnectionFactoryDefinition} (only one)
     * @return see {@link #definedOn(Class, String)}
     */
    public static Function<TcpMessageListener, TcpClientFactory> definedOn(Class<?> type) {
        return definedOn(type, null);
    }

    /**
     * The connection factory a {@link ConnectionFactoryDefinition} of the class declares. In an application server,
     * which makes it when it deploys the application, it is looked up by the definition's name, when the gateway is
     * built or, when the server has not bound it yet, at the first exchange; in Java SE, where no naming service
     * answers, the definition is made here, unmanaged, from the annotation's properties (a {@code ${property}} or
     * {@code ${property:default}} in a value is replaced by that system property, as WildFly does), and shut down
     * when the gateway's runtime closes.
     *
     * @param type the application class carrying the definition
     * @param name the definition's name, when the class carries several
     * @return the gateway's client factory, lending a connection of that factory to each exchange
     * @throws ConfigurationException when the gateway is built: {@code JNC-1110} no such definition on the class,
     *         {@code JNC-1111} an invalid definition (Java SE), {@code JNC-1108} the server bound something else
     *         under its name; at the first exchange {@code JNC-1107} when the server has bound nothing under it
     */
    public static Function<TcpMessageListener, TcpClientFactory> definedOn(Class<?> type, String name) {
        Objects.requireNonNull(type, "type");
        return listener -> {
            ConnectionFactoryDefinition definition = Definitions.find(type, name);
            try {
                ConnectionFactoryHandle found = lookUp(definition.name());
                return found != null ? new AdapterClientFactory(definition.name(), found, listener, false)
                        : new AdapterClientFactory(definition.name(), () -> bound(definition.name()),
                        Definitions.described(definition, "host", "?"),
                        parsePort(Definitions.described(definition, "port", "0")), listener);
            } catch (NoInitialContextException javaSe) {
                TcpManagedConnectionFactory unmanaged = Definitions.unmanaged(definition);
                return new AdapterClientFactory(definition.name(),
                        (ConnectionFactoryHandle) unmanaged.createConnectionFactory(), listener, true);
            }
        };
    }

    private static int parsePort(String port) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException unknownYet) {
            return 0;
        }
    }

    /**
     * @return the connection factory bound under the name, or {@code null} when nothing is bound there (yet)
     * @throws NoInitialContextException when there is no naming service, as in Java SE
     * @throws ConfigurationException {@code JNC-1108} when something else is bound there
     */
    private static ConnectionFactoryHandle lookUp(String name) throws NoInitialContextException {
        try {
            return boundOrThrow(name);
        } catch (NoInitialContextException javaSe) {
            throw javaSe;
        } catch (NamingException notYet) {
            return null;
        }
    }

    /**
     * @return the connection factory bound under the name
     * @throws ConfigurationException {@code JNC-1107} when nothing is bound there, {@code JNC-1108} when something
     *         else is
     */
    private static ConnectionFactoryHandle bound(String name) {
        try {
            return boundOrThrow(name);
        } catch (NameNotFoundException missing) {
            throw problem(AdapterRule.NAME_NOT_BOUND, "No connection factory is bound under " + name + ": "
                    + missing.getMessage());
        } catch (NamingException failed) {
            throw problem(AdapterRule.NAME_NOT_BOUND, "The connection factory " + name + " cannot be looked up: "
                    + failed);
        }
    }

    private static ConnectionFactoryHandle boundOrThrow(String name) throws NamingException {
        Object found;
        InitialContext context = new InitialContext();
        try {
            found = context.lookup(name);
        } finally {
            context.close();
        }
        if (!(found instanceof TcpClientConnectionFactory connections)) {
            throw problem(AdapterRule.NOT_A_CONNECTION_FACTORY, name + " is bound to "
                    + (found == null ? "null" : "a " + found.getClass().getName() + typeHint(found))
                    + ", not a connection factory of the Junction TCP adapter");
        }
        return handle(connections, name);
    }

    /** When the type has the right name but another class loader, the application bundles a copy of the adapter. */
    private static String typeHint(Object found) {
        for (Class<?> type : found.getClass().getInterfaces()) {
            if (type.getName().equals(TcpClientConnectionFactory.class.getName())) {
                return " (the adapter's interface from another class loader: the application must not bundle the"
                        + " adapter's classes, it sees those of the deployed adapter)";
            }
        }
        return "";
    }

    private static ConnectionFactoryHandle handle(TcpClientConnectionFactory connections, String name) {
        if (connections instanceof ConnectionFactoryHandle handle) {
            return handle;
        }
        throw problem(AdapterRule.NOT_A_CONNECTION_FACTORY, name + " is a " + connections.getClass().getName()
                + ", not the adapter's own connection factory (made by TcpManagedConnectionFactory)");
    }

    static ConfigurationException problem(AdapterRule rule, String what) {
        return new ConfigurationException(List.of(rule.problem(what)));
    }
}
