package dev.junction.jaxrs.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.junction.api.error.ConfigurationException;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.jaxrs.DefaultHttpHeaderMapper;
import dev.junction.jaxrs.HttpInboundGateways;
import dev.junction.jaxrs.HttpMessageHeaders;
import dev.junction.jaxrs.JunctionHttpApplication;
import dev.junction.jaxrs.client.HttpOutbound;
import dev.junction.jaxrs.client.HttpOutboundGateway;
import dev.junction.jaxrs.client.HttpStatusException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The snippets of docs/http.adoc; each one runs here, so the guide cannot drift. */
class HttpGuideTest {

    public record Order(String drink, int cups) {
    }

    public record Receipt(String drink, int cups, int price) {
    }

    @Test
    void gatewaysServedByJersey() throws Exception {
        // tag::declare[]
        Junction junction = Junction.create();
        junction.flow("orders").handle((Order order) -> new Receipt(order.drink(), order.cups(), 3 * order.cups()));
        junction.flow("orderLookups").handle("'order ' += headers['http_pathParam_id']");

        HttpInboundGateways http = HttpInboundGateways.create(junction);
        http.inboundGateway("placeOrder")
                .path("/orders").methods("POST")
                .consumes("application/json").produces("application/json")
                .payloadType(Order.class)                    // read through JSON-B
                .requestChannel("orders")
                .build();
        http.inboundGateway("orderLookup")
                .path("/orders/{id}").methods("GET")
                .requestChannel("orderLookups")
                .replyTimeout(Duration.ofMillis(500))        // then 504
                .build();
        junction.start();
        // end::declare[]

        // tag::serve[]
        ResourceConfig application = ResourceConfig.forApplication(new JunctionHttpApplication(http));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"),
                application, true);
        // end::serve[]
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/api/");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            HttpResponse<String> placed = client.send(HttpRequest.newBuilder(base.resolve("orders"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"drink\":\"tea\",\"cups\":2}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> found = client.send(HttpRequest.newBuilder(base.resolve("orders/42")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(placed.statusCode()).isEqualTo(200);
            assertThat(placed.body()).isEqualTo("{\"cups\":2,\"drink\":\"tea\",\"price\":6}");
            assertThat(found.body()).isEqualTo("order 42");
        } finally {
            server.shutdownNow();
            junction.close();
        }
    }

    @Test
    void aReplyNamesItsStatusAndHeaders() {
        try (Junction junction = Junction.create()) {
            // tag::reply[]
            junction.flow("newOrders").handle((String drink) -> MessageBuilder.withPayload("ordered " + drink)
                    .setHeader(HttpMessageHeaders.STATUS_CODE, 201)
                    .setHeader(HttpMessageHeaders.responseHeader("Location"), "/api/orders/7")
                    .build());
            // end::reply[]
            HttpInboundGateways http = HttpInboundGateways.create(junction);
            http.inboundGateway("newOrder").path("/new").methods("POST").requestChannel("newOrders").build();
            assertThat(http.gateway("newOrder")).isPresent();
        }
    }

    @Test
    void adapterMapperAndErrors() {
        try (Junction junction = Junction.create()) {
            junction.flow("intake").log();
            junction.flow("orders").handle("payload");
            junction.flow("orderErrors").handle("'sorry'");
            HttpInboundGateways http = HttpInboundGateways.create(junction);
            // tag::adapter[]
            http.inboundAdapter("orderIntake")                 // one-way: 202 Accepted once sent
                    .path("/intake").methods("POST")
                    .requestChannel("intake")
                    .build();
            // end::adapter[]
            // tag::mapper[]
            http.inboundGateway("tenantOrders")
                    .path("/tenants/{tenant}/orders").methods("POST")
                    .requestChannel("orders")
                    .errorChannel("orderErrors")              // its reply answers a failure (500 by default)
                    .headerMapper(DefaultHttpHeaderMapper.builder()
                            .requestHeaders("X-Request-Id", "X-Tenant-*")
                            .build())
                    .maxBodySize(64 * 1024)
                    .build();
            // end::mapper[]
            assertThat(http.gateways()).hasSize(2);

            // tag::errors[]
            ConfigurationException invalid = catchThrowableOfType(ConfigurationException.class,
                    () -> http.inboundGateway("broken").path("orders").methods("TRACE").requestChannel("nowhere")
                            .build());

            assertThat(invalid.getProblems()).containsExactly(
                    "JNC-0801 inbound gateway 'broken': the path template 'orders' must start with '/' (a path"
                            + " template starts with '/' and has well-formed, uniquely named {variables})",
                    "JNC-0802 inbound gateway 'broken': 'TRACE' cannot be served; use GET, POST, PUT, DELETE or"
                            + " PATCH (HEAD is served with GET) (a gateway serves at least one of GET, POST, PUT,"
                            + " DELETE and PATCH)",
                    "JNC-0804 inbound gateway 'broken': the request channel 'nowhere' is not registered; register"
                            + " it or declare a flow from it first (a channel a gateway names must be registered"
                            + " with the runtime)");
            // end::errors[]
        }
    }

    public record Price(String drink, int cents) {
    }

    @Test
    void outboundGatewayCallsAServer() throws Exception {
        try (Junction server = Junction.create(); Junction junction = Junction.create()) {
            server.flow("prices").handle("'{\"drink\":\"' += headers['http_pathParam_drink'] += '\",\"cents\":250}'");
            HttpInboundGateways inbound = HttpInboundGateways.create(server);
            inbound.inboundGateway("price").path("/prices/{drink}").methods("GET").produces("application/json")
                    .requestChannel("prices").build();
            server.start();
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"),
                    ResourceConfig.forApplication(new JunctionHttpApplication(inbound)), true);
            int port = http.getListeners().iterator().next().getPort();
            try {
                // tag::outbound[]
                HttpOutboundGateway prices = HttpOutbound.gateway(junction,
                                "http://127.0.0.1:" + port + "/api/prices/{drink}?size={size}")
                        .uriVariable("drink", "payload")                 // each value percent-encoded
                        .uriVariable("size", "headers['size']")
                        .httpMethod("GET")
                        .expectedResponseType(Price.class)               // read through JSON-B
                        .header("X-Request-Id", "headers['id']")
                        .connectTimeout(Duration.ofSeconds(2))           // then ConnectTimeoutException
                        .readTimeout(Duration.ofSeconds(5))              // then ReadTimeoutException
                        .maxConnections(50)
                        .build();
                junction.flow("priceRequests").handle(prices);
                // end::outbound[]
                junction.start();
                PollableChannel replies = MessageChannels.queue(1);
                junction.channel("priceRequests").send(MessageBuilder.withPayload("flat white")
                        .setHeader("size", "large").setReplyChannel(replies).build());
                Message<?> reply = replies.receive(Duration.ZERO);

                assertThat(reply.getPayload()).isEqualTo(new Price("flat white", 250));
                assertThat(reply.getHeaders().get(HttpMessageHeaders.REMOTE_STATUS_CODE)).isEqualTo(200);

                // tag::status[]
                HttpOutboundGateway unknown = HttpOutbound.gateway(junction,
                        "http://127.0.0.1:" + port + "/api/unknown").httpMethod("GET").build();
                HttpStatusException notFound = catchThrowableOfType(HttpStatusException.class,
                        () -> unknown.handleMessage(MessageBuilder.withPayload("").build()));

                assertThat(notFound.getStatusCode()).isEqualTo(404);
                assertThat(notFound.getBodyAsString()).contains("\"status\":404");
                // end::status[]
            } finally {
                http.shutdownNow();
            }
        }
    }
}
