package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.jaxrs.HttpInboundGateways;
import dev.junction.jaxrs.JunctionHttpApplication;
import dev.junction.jaxrs.client.HttpOutbound;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TckContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application in the container calls an HTTP endpoint through an HTTP outbound gateway declared by a
 * {@code Declaration} bean, and returns the reply: the flow behind its inbound gateway {@code /relay/{item}} sends
 * {@code GET http://127.0.0.1:<port>/quote/{item}} to a JDK {@code HttpServer} the test starts on 127.0.0.1, and
 * answers with the response; a 404 from that server fails the flow, answered 500 without its detail.
 *
 * <p>An outbound gateway's host and port are fixed when it is declared (a message can never choose another host),
 * so the test starts its server before it builds the deployment, and the deployment carries the port in
 * {@value #TARGET}. Not on Weld embedded, which has no HTTP server to reach the deployment by.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIf(value = "withoutHttpServer", disabledReason = "Weld embedded has no HTTP server")
class HttpOutboundGatewayTest {

    static final String TARGET = "outbound-target.properties";
    private static final List<String> SERVED = new CopyOnWriteArrayList<>();
    private static HttpServer remote;

    @ArquillianResource
    private URL deployment;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        startRemote();
        return Deployments.withLibraries(Deployments.war(HttpOutboundGatewayTest.class, BeanDiscovery.ANNOTATED),
                "dev.junction:junction-jaxrs").addAsResource(new StringAsset("port=" + remote.getAddress().getPort()),
                TARGET);
    }

    static boolean withoutHttpServer() {
        return TckContainer.current().name().equals("weld");
    }

    @ApplicationPath("api")
    public static class Api extends JunctionHttpApplication {
    }

    @ApplicationScoped
    public static class Relay implements Declaration {
        @Override
        public void declare(Junction junction) {
            junction.flow("relay").handle(HttpOutbound.gateway(junction,
                            "http://127.0.0.1:" + targetPort() + "/quote/{item}")
                    .uriVariable("item", "headers['http_pathParam_item']")
                    .httpMethod("GET")
                    .expectedResponseType(String.class)
                    .readTimeout(Duration.ofSeconds(20))
                    .build());
            HttpInboundGateways.of(junction).inboundGateway("relay").path("/relay/{item}").methods("GET")
                    .requestChannel("relay").replyTimeout(Duration.ofSeconds(30)).build();
        }

        private static String targetPort() {
            Properties target = new Properties();
            try (InputStream in = Relay.class.getClassLoader().getResourceAsStream(TARGET)) {
                target.load(Objects.requireNonNull(in, TARGET + " is not in the deployment"));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            return target.getProperty("port");
        }
    }

    private static void startRemote() throws IOException {
        if (remote != null) {
            return;
        }
        remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            SERVED.add(exchange.getRequestMethod() + " " + path);
            byte[] body = ("remote answer to " + path).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
            exchange.sendResponseHeaders(path.endsWith("/missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        remote.start();
    }

    @AfterAll
    static void stopRemote() {
        if (remote != null) {
            remote.stop(0);
            remote = null;
        }
    }

    private HttpResponse<String> relay(String item) throws IOException, InterruptedException {
        // the container may report its deployment under another address of this machine: stay on loopback
        URI reported = URI.create(deployment.toExternalForm());
        URI uri = URI.create("http://127.0.0.1:" + reported.getPort() + reported.getRawPath())
                .resolve("api/relay/" + item);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFlowCallsAServerOnLoopbackAndAnswersWithItsReply() throws Exception {
        HttpResponse<String> response = relay("tea");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("remote answer to /quote/tea");
        assertThat(SERVED).contains("GET /quote/tea");
    }

    @Test
    void aRemoteErrorStatusFailsTheFlowWithoutItsDetail() throws Exception {
        HttpResponse<String> response = relay("missing");

        assertThat(SERVED).contains("GET /quote/missing");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"status\":500").doesNotContain("remote answer");
    }
}
