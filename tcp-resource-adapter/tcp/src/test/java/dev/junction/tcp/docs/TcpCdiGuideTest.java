package dev.junction.tcp.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.cdi.JunctionExtension;
import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.BlockingTcpServerFactory;
import dev.junction.tcp.connection.TcpConnectionEvent;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpServerFactory;
import dev.junction.tcp.gateway.Tcp;
import dev.junction.tcp.gateway.TcpGatewayEvent;
import dev.junction.tcp.gateway.TcpInboundGateway;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CDI snippets of docs/tcp.adoc, run in Weld SE with Junction's extension: a TCP server declared by a bean
 * alone, and connection events observed as CDI events.
 */
@Timeout(60)
class TcpCdiGuideTest {

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    // tag::cdi-server[]
    @ApplicationScoped
    public static class OrderServer implements Declaration {
        // the factory's threads come from here; in an application server, a managed executor would do
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private TcpInboundGateway gateway;

        @Override
        public void declare(Junction junction) {
            TcpConnectionOptions options = TcpConnectionOptions.builder(FrameCodecs.crlf())
                    .localAddress(InetAddress.getLoopbackAddress()) // port 0: an ephemeral one
                    .build();
            gateway = Tcp.inboundGateway(junction,
                            listener -> new BlockingTcpServerFactory(options, executor, listener))
                    .requestChannel("orders").payloadAsString().id("orderServer").register();
        }

        public int port() {
            return ((TcpServerFactory) gateway.connectionFactory()).port();
        }

        @PreDestroy
        void shutDown() {
            executor.shutdownNow(); // the runtime has stopped the server by then
        }
    }

    @ApplicationScoped
    public static class Barista { // the flow the server feeds: started before it, stopped after it
        @ServiceActivator(inputChannel = "orders")
        public String prepare(String order) {
            return order + " is ready";
        }
    }
    // end::cdi-server[]

    // tag::cdi-events[]
    @ApplicationScoped
    public static class ConnectionAudit {
        private final List<TcpConnectionEvent> connections = new CopyOnWriteArrayList<>();
        private final List<TcpGatewayEvent> exchanges = new CopyOnWriteArrayList<>();

        void onConnection(@Observes TcpConnectionEvent event) { // Opened, Closed, ExceptionOccurred...
            connections.add(event);
        }

        void onExchange(@Observes TcpGatewayEvent event) { // a reply timed out, an exchange failed...
            exchanges.add(event);
        }

        public List<TcpConnectionEvent> connections() {
            return connections;
        }

        public List<TcpGatewayEvent> exchanges() {
            return exchanges;
        }
    }
    // end::cdi-events[]

    @Test
    void aBeanDeclaresTheServerAloneAndItServesOnceTheApplicationStarted() throws Exception {
        container = start(OrderServer.class, Barista.class);
        int port = container.select(OrderServer.class).get().port();

        try (Socket telnet = connect(port)) {
            assertThat(ask(telnet, "latte")).isEqualTo("latte is ready");
        }
        container.shutdown();

        assertThatThrownBy(() -> connect(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void connectionAndExchangeEventsAreCdiEvents() throws Exception {
        container = start(OrderServer.class, Barista.class, ConnectionAudit.class);
        ConnectionAudit audit = container.select(ConnectionAudit.class).get();

        String connectionId;
        try (Socket telnet = connect(container.select(OrderServer.class).get().port())) {
            assertThat(ask(telnet, "mocha")).isEqualTo("mocha is ready");
            connectionId = audit.connections().get(0).connectionId();
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> audit.connections().size() == 2);
        assertThat(audit.connections()).extracting(Object::getClass)
                .containsExactly(TcpConnectionEvent.Opened.class, TcpConnectionEvent.Closed.class);
        assertThat(audit.connections()).extracting(TcpConnectionEvent::connectionId)
                .containsOnly(connectionId);
        assertThat(audit.exchanges()).isEmpty();
    }

    private static WeldContainer start(Class<?>... beanClasses) {
        return new Weld("tcp-cdi-" + System.nanoTime()).disableDiscovery().addExtension(new JunctionExtension())
                .addBeanClasses(beanClasses).initialize();
    }

    private static Socket connect(int port) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        return socket;
    }

    private static String ask(Socket socket, String line) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
    }
}
