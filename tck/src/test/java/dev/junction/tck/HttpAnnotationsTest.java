package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.ServiceActivator;
import dev.junction.jaxrs.JunctionHttpApplication;
import dev.junction.jaxrs.annotation.HttpInboundAdapter;
import dev.junction.jaxrs.annotation.HttpInboundGateway;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TckContainer;
import jakarta.enterprise.context.ApplicationScoped;
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
 * HTTP inbound gateways declared by {@link HttpInboundGateway @HttpInboundGateway} and {@link HttpInboundAdapter
 * @HttpInboundAdapter} on beans, served by the container's Jakarta REST implementation through an empty
 * {@link JunctionHttpApplication}: the portable extension of {@code junction-jaxrs} declares them. The tests are
 * clients over real HTTP; {@code HttpAnnotationMistakesTest} shows their mistakes failing a deployment.
 *
 * <p>Not on Weld embedded, which has no HTTP server: Weld SE with Jersey on Grizzly is the HTTP module's
 * {@code HttpAnnotationsTest}.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIf(value = "withoutHttpServer", disabledReason = "Weld embedded has no HTTP server")
class HttpAnnotationsTest {

    @ArquillianResource
    private URL deployment;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibraries(Deployments.war(HttpAnnotationsTest.class, BeanDiscovery.ANNOTATED),
                "dev.junction:junction-jaxrs");
    }

    static boolean withoutHttpServer() {
        return TckContainer.current().name().equals("weld");
    }

    @ApplicationPath("api")
    public static class Api extends JunctionHttpApplication {
    }

    @ApplicationScoped
    @HttpInboundGateway(path = "/orders/{table}", methods = "POST", requestChannel = "orders",
            consumes = "text/plain")
    @HttpInboundGateway(path = "/slow", methods = "GET", requestChannel = "silence", replyTimeout = 200)
    @HttpInboundAdapter(path = "/events", methods = "POST", requestChannel = "events")
    public static class Barista {
        @ServiceActivator(inputChannel = "orders")
        public String prepare(String drink) {
            return "ordered " + drink;
        }

        @ServiceActivator(inputChannel = "silence")
        public String ignore(String request) {
            return null;
        }

        @ServiceActivator(inputChannel = "events")
        public void record(String event) {
            // one-way: nothing to answer
        }
    }

    private HttpResponse<String> send(String path, HttpRequest.Builder request) throws IOException,
            InterruptedException {
        URI reported = URI.create(deployment.toExternalForm()); // may be another address of this machine
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
    void anAnnotatedGatewayAnswersWithTheReply() throws Exception {
        HttpResponse<String> response = post("orders/7", "text/plain", "tea");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ordered tea");
    }

    @Test
    void itsSettingsApply() throws Exception {
        assertThat(post("orders/7", "application/json", "{}").statusCode()).isEqualTo(415);
        HttpResponse<String> slow = send("slow", HttpRequest.newBuilder().GET());
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(slow.body()).contains("200 ms");
    }

    @Test
    void anAnnotatedAdapterAnswers202() throws Exception {
        assertThat(post("events", "text/plain", "door opened").statusCode()).isEqualTo(202);
    }
}
