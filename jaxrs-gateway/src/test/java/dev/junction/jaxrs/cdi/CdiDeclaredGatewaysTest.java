package dev.junction.jaxrs.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.cdi.JunctionExtension;
import dev.junction.jaxrs.HttpInboundGateways;
import dev.junction.jaxrs.JunctionHttpApplication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * HTTP gateways declared under CDI (Weld SE) by {@link Declaration} beans, served by Jersey on Grizzly through a
 * {@link JunctionHttpApplication} made without gateways, which finds those of the CDI runtime.
 */
class CdiDeclaredGatewaysTest {

    // tag::application[]
    public static class Api extends JunctionHttpApplication { // in a WAR, with @ApplicationPath("api") on it
    }
    // end::application[]

    @ApplicationScoped
    public static class Barista {
        public String prepare(String drink) {
            return "ordered " + drink;
        }
    }

    // tag::declaration[]
    @ApplicationScoped
    public static class OrderEndpoints implements Declaration {
        @Inject
        Barista barista;

        @Override
        public void declare(Junction junction) {
            junction.flow("httpOrders").handle(barista::prepare);
            HttpInboundGateways.of(junction).inboundGateway("placeOrder").path("/orders").methods("POST")
                    .requestChannel("httpOrders").build();
        }
    }
    // end::declaration[]

    @Test
    void gatewaysDeclaredByBeansServeThroughTheApplicationWithoutArguments() throws Exception {
        WeldContainer weld = new Weld("httpGateways").disableDiscovery().addExtension(new JunctionExtension())
                .addBeanClasses(Barista.class, OrderEndpoints.class).initialize();
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"),
                ResourceConfig.forApplicationClass(Api.class), true);
        try {
            int port = server.getListeners().iterator().next().getPort();
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/orders"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("tea")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("ordered tea");
            assertThat(HttpInboundGateways.of(weld.select(Junction.class).get()).gateway("placeOrder")).isPresent();
        } finally {
            server.shutdownNow();
            weld.shutdown();
        }
    }

    @Test
    void anApplicationWithoutArgumentsAnswers503UntilARuntimeHasGateways() throws Exception {
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"),
                ResourceConfig.forApplicationClass(Api.class), true);
        try {
            int port = server.getListeners().iterator().next().getPort();
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
        } finally {
            server.shutdownNow();
        }
    }
}
