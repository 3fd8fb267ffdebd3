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
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application in the container calls HTTP endpoints through an HTTP outbound gateway declared by a
 * {@code Declaration} bean, and returns the reply: the flow behind its inbound gateway {@code /relay/{item}} sends
 * {@code GET http://127.0.0.1:{port}/{context}/api/quote/{item}}, the port and context given by the test's query.
 * The endpoint called is either a JDK {@code HttpServer} the test starts on 127.0.0.1, or the deployment's own
 * inbound gateway {@code /quote/{item}}; a 404 from the remote server fails the flow, answered 500.
 *
 * <p>Not on Weld embedded, which has no HTTP server to reach the deployment by.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIf(value = "withoutHttpServer", disabledReason = "Weld embedded has no HTTP server")
class HttpOutboundGatewayTest {

    @ArquillianResource
    private URL deployment;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private HttpServer remote;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withLibraryOf(Deployments.war(HttpOutboundGatewayTest.class, BeanDiscovery.ANNOTATED),
                HttpInboundGateways.class);
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
                            "http://127.0.0.1:{port}/{context}/api/quote/{item}")
                    .uriVariable("port", "headers['http_queryParam_port']")
                    .uriVariable("context", "headers['http_queryParam_context']")
                    .uriVariable("item", "headers['http_pathParam_item']")
                    .httpMethod("GET")
                    .expectedResponseType(String.class)
                    .readTimeout(Duration.ofSeconds(20))
                    .build());
            junction.flow("quotes").handle((String ignored) -> "quoted");
            HttpInboundGateways http = HttpInboundGateways.of(junction);
            http.inboundGateway("relay").path("/relay/{item}").methods("GET").requestChannel("relay")
                    .replyTimeout(Duration.ofSeconds(30)).build();
            http.inboundGateway("quote").path("/quote/{item}").methods("GET").requestChannel("quotes").build();
        }
    }

    @BeforeEach
    void startRemote() throws IOException {
        remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            served.add(exchange.getRequestMethod() + " " + path);
            byte[] body = ("remote answer to " + path).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
            exchange.sendResponseHeaders(path.endsWith("/missing") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        remote.start();
    }

    @AfterEach
    void stopRemote() {
        remote.stop(0);
    }

    /** The deployment's URI on loopback: a container may report it under another address of this machine. */
    private URI deploymentOnLoopback() {
        URI reported = URI.create(deployment.toExternalForm());
        return URI.create("http://127.0.0.1:" + reported.getPort() + reported.getRawPath());
    }

    private HttpResponse<String> relay(String item, int port, String context) throws IOException,
            InterruptedException {
        URI uri = deploymentOnLoopback().resolve("api/relay/" + item + "?port=" + port + "&context=" + context);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFlowCallsAServerOnLoopbackAndAnswersWithItsReply() throws Exception {
        HttpResponse<String> response = relay("tea", remote.getAddress().getPort(), "shop");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("remote answer to /shop/api/quote/tea");
        assertThat(served).containsExactly("GET /shop/api/quote/tea");
    }

    @Test
    void theFlowCallsTheDeploymentsOwnInboundGateway() throws Exception {
        URI own = deploymentOnLoopback();
        String context = own.getRawPath().replaceAll("^/|/$", "");

        HttpResponse<String> response = relay("coffee", own.getPort(), context);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("quoted");
    }

    @Test
    void aRemoteErrorStatusFailsTheFlowWithoutItsDetail() throws Exception {
        HttpResponse<String> response = relay("missing", remote.getAddress().getPort(), "shop");

        assertThat(served).containsExactly("GET /shop/api/quote/missing");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"status\":500").doesNotContain("remote answer");
    }
}
