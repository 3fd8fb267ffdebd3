package dev.junction.jaxrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey on Grizzly serving a runtime's gateways through {@link JunctionHttpApplication}, on 127.0.0.1 and a port the
 * system picks, under the base path {@code /api/}; and an HTTP/1.1 client talking to it.
 */
final class HttpTestServer implements AutoCloseable {

    private final HttpServer server;
    private final URI base;
    private final HttpClient client;

    private HttpTestServer(HttpServer server, URI base) {
        this.server = server;
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpTestServer serve(HttpInboundGateways gateways) {
        ResourceConfig config = ResourceConfig.forApplication(new JunctionHttpApplication(gateways));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"), config,
                true);
        int port = server.getListeners().iterator().next().getPort();
        return new HttpTestServer(server, URI.create("http://127.0.0.1:" + port + "/api/"));
    }

    int port() {
        return base.getPort();
    }

    /** @param path below the base path, without a leading slash */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
