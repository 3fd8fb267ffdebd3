package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.jaxrs.HttpInboundGateways;
import dev.junction.jaxrs.JunctionHttpApplication;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TckContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTP inbound gateways declared by a {@code Declaration} bean and served by the container's own Jakarta REST
 * implementation (RESTEasy on WildFly, Jersey on Payara) through an application class that only extends
 * {@link JunctionHttpApplication}: request and reply, a JSON payload type, the one-way adapter's 202, the reply
 * timeout's 504, a failing flow's 500 and a path no gateway serves. The tests are clients over real HTTP.
 *
 * <p>Not on Weld embedded, which has no HTTP server: the same declaration on Weld SE with Jersey on Grizzly is
 * {@code CdiDeclaredGatewaysTest} of the HTTP module.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIf(value = "withoutHttpServer", disabledReason = "Weld embedded has no HTTP server")
class HttpGatewayTest {

    @ArquillianResource
    private URL deployment;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibraries(Deployments.war(HttpGatewayTest.class, BeanDiscovery.ANNOTATED),
                "dev.junction:junction-jaxrs");
    }

    static boolean withoutHttpServer() {
        return TckContainer.current().name().equals("weld");
    }

    /** All an application writes to serve its gateways. */
    @ApplicationPath("api")
    public static class Api extends JunctionHttpApplication {
    }

    public record Order(String drink, int cups) {
    }

    public record Receipt(String drink, int cups, int cents) {
    }

    @ApplicationScoped
    public static class Barista {
        public String prepare(String drink) {
            return "ordered " + drink;
        }

        public Receipt bill(Order order) {
            return new Receipt(order.drink(), order.cups(), 250 * order.cups());
        }
    }

    @ApplicationScoped
    public static class Endpoints implements Declaration {
        @Inject
        Barista barista;

        @Override
        public void declare(Junction junction) {
            junction.flow("textOrders").handle(barista::prepare);
            junction.flow("jsonOrders").handle(barista::bill);
            junction.flow("events").handle((String event) -> null); // one-way: nothing to answer
            junction.flow("silence").handle((String ignored) -> null);
            junction.flow("broken").handle((String ignored) -> {
                throw new IllegalStateException("a detail the client must not see");
            });
            HttpInboundGateways http = HttpInboundGateways.of(junction);
            http.inboundGateway("textOrder").path("/orders/{table}").methods("POST").consumes("text/plain")
                    .requestChannel("textOrders").build();
            http.inboundGateway("jsonOrder").path("/bills").methods("POST").consumes("application/json")
                    .produces("application/json").payloadType(Order.class).requestChannel("jsonOrders").build();
            http.inboundAdapter("event").path("/events").methods("POST").requestChannel("events").build();
            http.inboundGateway("slow").path("/slow").methods("GET").requestChannel("silence")
                    .replyTimeout(Duration.ofMillis(200)).build();
            http.inboundGateway("broken").path("/broken").methods("GET").requestChannel("broken").build();
        }
    }

    private HttpResponse<String> send(String path, HttpRequest.Builder request) throws IOException,
            InterruptedException {
        // the container may report its deployment under another address of this machine: stay on loopback
        URI reported = URI.create(deployment.toExternalForm());
        URI uri = URI.create("http://127.0.0.1:" + reported.getPort() + reported.getRawPath()).resolve("api/" + path);
        return client.send(request.uri(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException,
            InterruptedException {
        return send(path, HttpRequest.newBuilder().header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aRequestBecomesAMessageAndTheReplyTheResponse() throws Exception {
        HttpResponse<String> response = post("orders/7", "text/plain", "tea");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ordered tea");
    }

    @Test
    void jsonIsReadIntoTheDeclaredTypeAndTheReplyWrittenAsJson() throws Exception {
        HttpResponse<String> response = post("bills", "application/json", "{\"drink\":\"tea\",\"cups\":2}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.body().replace(" ", "")).contains("\"cents\":500", "\"cups\":2", "\"drink\":\"tea\"");
    }

    @Test
    void theAdapterAnswers202() throws Exception {
        assertThat(post("events", "text/plain", "door opened").statusCode()).isEqualTo(202);
    }

    @Test
    void noReplyWithinTheReplyTimeoutIs504() throws Exception {
        HttpResponse<String> response = send("slow", HttpRequest.newBuilder().GET());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aFailingFlowIs500WithoutItsDetail() throws Exception {
        HttpResponse<String> response = send("broken", HttpRequest.newBuilder().GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"status\":500").doesNotContain("must not see");
    }

    @Test
    void aPathNoGatewayServesIs404AndAnUnservedMethod405() throws Exception {
        assertThat(send("nowhere", HttpRequest.newBuilder().GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send("orders/7", HttpRequest.newBuilder().GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("POST"));
    }
}
