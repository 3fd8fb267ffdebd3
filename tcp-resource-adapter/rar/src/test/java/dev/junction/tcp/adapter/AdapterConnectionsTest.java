package dev.junction.tcp.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.runtime.Junction;
import dev.junction.tcp.adapter.quotes.QuoteServer;
import dev.junction.tcp.adapter.quotes.Quotes;
import dev.junction.tcp.gateway.Tcp;
import dev.junction.tcp.gateway.TcpOutboundGateway;
import jakarta.resource.ConnectionFactoryDefinition;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TCP outbound gateways on the adapter's connection factories in plain Java, real sockets on 127.0.0.1: a factory in
 * hand, timeouts, and every coded mistake of naming or defining the factory.
 */
@Timeout(60)
class AdapterConnectionsTest {

    private QuoteServer server;
    private Junction junction;
    private TcpManagedConnectionFactory definition;

    @BeforeEach
    void start() throws Exception {
        server = new QuoteServer();
        junction = Junction.create();
        definition = new TcpManagedConnectionFactory();
        definition.setHost("127.0.0.1");
        definition.setPort(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        junction.close();
        definition.shutdown();
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.clearProperty("unset.quotes.port");
        server.close();
    }

    @Test
    void aGatewayTakesItsConnectionsFromAConnectionFactoryInHand() {
        definition.setCacheSize(2);
        // tag::plain-java[]
        TcpClientConnectionFactory connections = (TcpClientConnectionFactory) definition.createConnectionFactory();
        TcpOutboundGateway gateway = Tcp.outboundGateway(junction, AdapterConnections.of(connections))
                .payloadAsString().build();
        junction.flow("quotes").handle(gateway);
        Quotes quotes = junction.gateway(Quotes.class);
        junction.start();
        // end::plain-java[]

        for (int i = 0; i < 5; i++) {
            assertThat(quotes.quote("acme" + i)).isEqualTo("ACME" + i + " 42.00");
        }
        // the definition's cache keeps the socket between exchanges
        assertThat(server.accepted()).isEqualTo(1);
        assertThat(gateway.connectionFactory().openConnections()).isEmpty();
    }

    @Test
    void theGatewaysRemoteTimeoutBoundsTheWaitAndItsConnectionIsGivenUp() {
        definition.setReplyTimeout(60_000L);
        TcpOutboundGateway gateway = Tcp.outboundGateway(junction,
                        AdapterConnections.of((TcpClientConnectionFactory) definition.createConnectionFactory()))
                .remoteTimeout(Duration.ofMillis(300)).payloadAsString().build();
        junction.flow("quotes").handle(gateway);
        Quotes quotes = junction.gateway(Quotes.class);
        junction.start();

        long started = System.nanoTime();
        assertThatThrownBy(() -> quotes.quote("silence")).isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("remote timeout of PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

        assertThat(quotes.quote("acme")).isEqualTo("ACME 42.00");
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void aJndiNameWithoutANamingServiceIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Tcp.outboundGateway(junction, AdapterConnections.lookup("java:app/eis/quotes"))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1109").hasMessageContaining("java:app/eis/quotes")
                .hasMessageContaining("AdapterConnections.definedOn");
    }

    @Test
    void aNameBoundToSomethingElseIsRefusedAndOneBoundToNothingFailsTheExchangesUntilBound() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, MapContextFactory.class.getName());
        MapContextFactory.BOUND.clear();
        MapContextFactory.BOUND.put("java:app/eis/text", "not a connection factory");

        assertThatThrownBy(() -> Tcp.outboundGateway(junction, AdapterConnections.lookup("java:app/eis/text"))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1108").hasMessageContaining("java:app/eis/text")
                .hasMessageContaining("java.lang.String");

        // not bound yet when the gateway is declared (as on Payara, where an application's own definition is not
        // found while CDI starts the application): looked up at the first exchange, and again while it is missing
        TcpOutboundGateway gateway = Tcp.outboundGateway(junction, AdapterConnections.lookup("java:app/eis/quotes"))
                .payloadAsString().build();
        junction.flow("quotes").handle(gateway);
        junction.start();
        Quotes quotes = junction.gateway(Quotes.class);
        assertThat(gateway.connectionFactory().toString()).endsWith("looked up at the first exchange)");
        assertThatThrownBy(() -> quotes.quote("acme"))
                .hasMessageContaining("JNC-1107").hasMessageContaining("java:app/eis/quotes");

        MapContextFactory.BOUND.put("java:app/eis/quotes", definition.createConnectionFactory());
        assertThat(quotes.quote("acme")).isEqualTo("ACME 42.00");
        assertThat(gateway.connectionFactory().toString()).endsWith("(127.0.0.1:" + server.port() + ", unmanaged)");
    }

    @Test
    void aDefinitionTheServerHasNotBoundYetIsLookedUpAtTheFirstExchange() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, MapContextFactory.class.getName());
        MapContextFactory.BOUND.clear();
        System.setProperty("unset.quotes.port", String.valueOf(server.port()));

        TcpOutboundGateway gateway = Tcp.outboundGateway(junction, AdapterConnections.definedOn(UnsetPort.class))
                .payloadAsString().build();
        assertThat(gateway.connectionFactory().toString()).isEqualTo("connection factory java:app/eis/unset of the"
                + " Junction TCP adapter (127.0.0.1:" + server.port() + ", looked up at the first exchange)");
        junction.flow("quotes").handle(gateway);
        junction.start();

        MapContextFactory.BOUND.put("java:app/eis/unset", definition.createConnectionFactory());
        assertThat(junction.gateway(Quotes.class).quote("acme")).isEqualTo("ACME 42.00");
    }

    @Test
    void aClassWithoutTheDefinitionIsRefused() {
        assertThatThrownBy(() -> Tcp.outboundGateway(junction, AdapterConnections.definedOn(Object.class)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1110").hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> Tcp.outboundGateway(junction,
                        AdapterConnections.definedOn(UnknownProperty.class, "java:app/eis/other")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1110").hasMessageContaining("java:app/eis/unknown");
    }

    @Test
    void anInvalidDefinitionIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> Tcp.outboundGateway(junction, AdapterConnections.definedOn(OtherInterface.class))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1111").hasMessageContaining("javax.sql.DataSource");
        assertThatThrownBy(() -> Tcp.outboundGateway(junction, AdapterConnections.definedOn(UnknownProperty.class))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1111").hasMessageContaining("colour");
        assertThatThrownBy(() -> Tcp.outboundGateway(junction, AdapterConnections.definedOn(UnsetPort.class))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1111").hasMessageContaining("unset.quotes.port");
        assertThatThrownBy(() -> Tcp.outboundGateway(junction, AdapterConnections.definedOn(NoHost.class))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1111").hasMessageContaining("JNC-1102");
    }

    @Test
    void aPlaceholderIsReplacedBySystemPropertyInJavaSe() {
        System.setProperty("unset.quotes.port", String.valueOf(server.port()));
        TcpOutboundGateway gateway = Tcp.outboundGateway(junction, AdapterConnections.definedOn(UnsetPort.class))
                .payloadAsString().build();
        junction.flow("quotes").handle(gateway);
        junction.start();

        assertThat(junction.gateway(Quotes.class).quote("acme")).isEqualTo("ACME 42.00");
        assertThat(gateway.connectionFactory().toString()).endsWith("(127.0.0.1:" + server.port() + ", unmanaged)");
    }

    @Test
    void anAsynchronousGatewayIsRefused() {
        assertThatThrownBy(() -> Tcp.outboundGateway(junction,
                        AdapterConnections.of((TcpClientConnectionFactory) definition.createConnectionFactory()))
                .async(true).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-1112").hasMessageContaining("synchronous");
    }

    @ConnectionFactoryDefinition(name = "java:app/eis/other", resourceAdapter = "junction-tcp-adapter",
            interfaceName = "javax.sql.DataSource", properties = {"host=127.0.0.1", "port=7100"})
    static class OtherInterface {
    }

    @ConnectionFactoryDefinition(name = "java:app/eis/unknown", resourceAdapter = "junction-tcp-adapter",
            interfaceName = "dev.junction.tcp.adapter.TcpClientConnectionFactory",
            properties = {"host=127.0.0.1", "port=7100", "colour=blue"})
    static class UnknownProperty {
    }

    @ConnectionFactoryDefinition(name = "java:app/eis/unset", resourceAdapter = "junction-tcp-adapter",
            interfaceName = "dev.junction.tcp.adapter.TcpClientConnectionFactory",
            properties = {"host=127.0.0.1", "port=${unset.quotes.port}"})
    static class UnsetPort {
    }

    @ConnectionFactoryDefinition(name = "java:app/eis/nohost", resourceAdapter = "junction-tcp-adapter",
            interfaceName = "dev.junction.tcp.adapter.TcpClientConnectionFactory", properties = {"port=7100"})
    static class NoHost {
    }

    /** A naming service of a map, standing for a server's: lookups of unbound names fail as a server's do. */
    public static final class MapContextFactory implements InitialContextFactory {
        static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "lookup" -> {
                            Object found = BOUND.get(String.valueOf(arguments[0]));
                            if (found == null) {
                                throw new NameNotFoundException(arguments[0] + " not bound");
                            }
                            yield found;
                        }
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
