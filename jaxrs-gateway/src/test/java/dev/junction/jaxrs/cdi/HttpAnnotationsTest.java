package dev.junction.jaxrs.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.runtime.Junction;
import dev.junction.cdi.JunctionExtension;
import dev.junction.jaxrs.HttpInboundGateways;
import dev.junction.jaxrs.JunctionHttpApplication;
import dev.junction.jaxrs.annotation.HttpInboundAdapter;
import dev.junction.jaxrs.annotation.HttpInboundGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Gateways declared by {@link HttpInboundGateway @HttpInboundGateway} and {@link HttpInboundAdapter
 * @HttpInboundAdapter} on beans, in Weld SE, served by Jersey on Grizzly: they answer like gateways declared in
 * code, have the builder's defaults, and their mistakes fail the deployment with the builder's codes, naming the bean.
 */
class HttpAnnotationsTest {

    public static class Api extends JunctionHttpApplication {
    }

    // tag::annotated[]
    @ApplicationScoped
    @HttpInboundGateway(id = "placeOrder", path = "/orders/{table}", methods = "POST", requestChannel = "orders")
    @HttpInboundGateway(path = "/menu", methods = "GET", requestChannel = "menu", produces = "text/plain",
            replyTimeout = 200)
    public static class Orders {
        @ServiceActivator(inputChannel = "orders")
        public String place(String drink) {
            return "ordered " + drink;
        }

        @ServiceActivator(inputChannel = "menu")
        public String menu(String ignored) {
            return "tea, coffee";
        }
    }

    @ApplicationScoped
    @HttpInboundAdapter(path = "/events", methods = "POST", requestChannel = "events")
    public static class Events {
        static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

        @ServiceActivator(inputChannel = "events")
        public void received(String event) {
            RECEIVED.add(event);
        }
    }
    // end::annotated[]

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static WeldContainer start(String name, Class<?>... beans) {
        return new Weld(name).disableDiscovery().addExtension(new JunctionExtension())
                .addExtension(new HttpAnnotationsExtension()).addBeanClasses(beans).initialize();
    }

    @Test
    void annotatedGatewaysAndAdaptersServeLikeDeclaredOnes() throws Exception {
        WeldContainer weld = start("httpAnnotations", Orders.class, Events.class);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"),
                ResourceConfig.forApplicationClass(Api.class), true);
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/api/");
            HttpResponse<String> order = CLIENT.send(HttpRequest.newBuilder(base.resolve("orders/7"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("tea")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> menu = CLIENT.send(HttpRequest.newBuilder(base.resolve("menu")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> event = CLIENT.send(HttpRequest.newBuilder(base.resolve("events"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("door")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
            assertThat(order.body()).isEqualTo("ordered tea");
            assertThat(menu.body()).isEqualTo("tea, coffee");
            assertThat(event.statusCode()).isEqualTo(202);
            assertThat(Events.RECEIVED).contains("door");

            HttpInboundGateways gateways = HttpInboundGateways.of(weld.select(Junction.class).get());
            dev.junction.jaxrs.HttpInboundGateway placeOrder = gateways.gateway("placeOrder").orElseThrow();
            assertThat(placeOrder.getReplyTimeout()).isEqualTo(dev.junction.jaxrs.HttpInboundGateway.DEFAULT_REPLY_TIMEOUT);
            assertThat(placeOrder.getRequestTimeout())
                    .isEqualTo(dev.junction.jaxrs.HttpInboundGateway.DEFAULT_REQUEST_TIMEOUT);
            assertThat(placeOrder.getMaxBodySize()).isEqualTo(dev.junction.jaxrs.HttpInboundGateway.DEFAULT_MAX_BODY_SIZE);
            assertThat(gateways.gateway("Orders[GET /menu]")).hasValueSatisfying(derived ->
                    assertThat(derived.getReplyTimeout()).isEqualTo(Duration.ofMillis(200)));
            assertThat(gateways.gateway("Events[POST /events]")).hasValueSatisfying(adapter ->
                    assertThat(adapter.isOneWay()).isTrue());
        } finally {
            server.shutdownNow();
            weld.shutdown();
        }
    }

    @ApplicationScoped
    @HttpInboundGateway(path = "/tables/{id", methods = "GET", requestChannel = "orders")
    @HttpInboundGateway(path = "/bills", methods = "GET", requestChannel = "nowhere")
    public static class Mistaken {
        @ServiceActivator(inputChannel = "orders")
        public String place(String drink) {
            return drink;
        }
    }

    @ApplicationScoped
    @HttpInboundGateway(path = "/orders/{table}", methods = "POST", requestChannel = "orders")
    public static class SamePath {
    }

    @HttpInboundGateway(path = "/kitchen", methods = "GET", requestChannel = "orders")
    public interface NotABean {
    }

    @Test
    void mistakesFailTheDeploymentNamingTheBeanWithTheBuildersCodes() {
        Throwable failure = catchThrowable(() -> start("httpAnnotationMistakes", Orders.class, Mistaken.class,
                SamePath.class, NotABean.class).shutdown());

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(
                "JNC-0801 @HttpInboundGateway on " + Mistaken.class.getName() + ": inbound gateway 'Mistaken[GET"
                        + " /tables/{id]'",
                "JNC-0804 @HttpInboundGateway on " + Mistaken.class.getName() + ": inbound gateway 'Mistaken[GET"
                        + " /bills]': the request channel 'nowhere' is not registered",
                "JNC-0822 " + NotABean.class.getName() + " carries @HttpInboundGateway");
        // the conflict is reported on whichever of the two beans the container reported second, naming the other
        assertThat(failure.getMessage().lines().filter(line -> line.contains("JNC-0809 @HttpInboundGateway on ")))
                .singleElement().satisfies(line -> assertThat(line).contains("is already served by gateway",
                        "/orders/{table}", "give one of them another path or method")
                        .containsAnyOf(SamePath.class.getName() + ": ", Orders.class.getName() + ": "));
    }
}
