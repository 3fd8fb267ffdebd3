package dev.junction.tcp.adapter.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.cdi.JunctionExtension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

/**
 * The application class the deployment tests deploy, unchanged, in Weld SE: without a naming service its gateway
 * makes the connection definition of its {@code @ConnectionFactoryDefinition} itself, unmanaged, and talks to a real
 * server on 127.0.0.1.
 */
@Timeout(60)
class QuoteClientInWeldTest {

    private QuoteServer server;
    private WeldContainer container;

    @BeforeEach
    void start() throws Exception {
        server = new QuoteServer();
        System.setProperty("quotes.port", String.valueOf(server.port()));
    }

    @AfterEach
    void stop() throws Exception {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
        System.clearProperty("quotes.port");
        server.close();
    }

    @Test
    void theDeclaredGatewayTalksThroughTheUnmanagedDefinition() {
        container = new Weld("quotes-" + System.nanoTime()).disableDiscovery()
                .addExtension(new JunctionExtension()).addBeanClasses(QuoteClient.class, Quotes.class).initialize();
        Quotes quotes = container.select(Quotes.class).get();

        for (String symbol : new String[] {"acme", "initech", "globex"}) {
            assertThat(quotes.quote(symbol)).isEqualTo(symbol.toUpperCase() + " 42.00");
        }

        assertThat(container.select(QuoteClient.class).get().connectionFactory())
                .isEqualTo("connection factory java:app/eis/quotes of the Junction TCP adapter (127.0.0.1:"
                        + server.port() + ", unmanaged)");
        // unmanaged, without a cache size: each exchange's connection is made for it and closed after it
        assertThat(server.accepted()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.open() == 0);

        container.shutdown();
        await().atMost(Duration.ofSeconds(30)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("junction-tcp-unmanaged-")));
    }
}
