package dev.junction.jaxrs.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.advice.Advices;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.cdi.JunctionExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A retry advice around an HTTP outbound gateway declared by a CDI {@code Declaration} bean, on Weld: a request the
 * server answers 503 is sent again, and the caller gets the reply of the retry.
 */
class AdvisedOutboundGatewayCdiTest {

    /** The URI of the price server this test starts; the declaration reads it when the container starts. */
    private static volatile String priceServerUri;

    private final AtomicInteger requests = new AtomicInteger();
    private LoopbackServer server;
    private WeldContainer container;

    @AfterEach
    void close() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
        if (server != null) {
            server.close();
        }
    }

    @MessagingGateway(defaultReplyTimeout = 30_000)
    public interface Prices {
        @Gateway(requestChannel = "prices")
        String price(String sku);
    }

    @ApplicationScoped
    public static class PriceClient implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("prices")
                    .handle(HttpOutbound.gateway(junction, priceServerUri).build())
                    .id("priceClient")
                    .advice(Advices.retry().maxAttempts(3).build());
        }
    }

    /** Answers the first {@code busy} requests 503, the others with a price. */
    private void startPriceServer(int busy) {
        server = new LoopbackServer((request, exchange) -> {
            if (requests.incrementAndGet() <= busy) {
                LoopbackServer.respond(exchange, 503, "text/plain", "busy");
            } else {
                LoopbackServer.respond(exchange, 200, "text/plain;charset=UTF-8", "price of " + request.body());
            }
        });
        priceServerUri = server.uri("/prices");
    }

    @Test
    void theRetryAdviceSendsARequestAgainAfterA503() {
        startPriceServer(2);
        container = new Weld("advised-http-outbound").disableDiscovery().addExtension(new JunctionExtension())
                .addBeanClasses(PriceClient.class, Prices.class).initialize();

        assertThat(container.select(Prices.class).get().price("tea")).isEqualTo("price of tea");
        assertThat(server.seen()).hasSize(3).allSatisfy(seen -> assertThat(seen.body()).isEqualTo("tea"));
    }
}
