package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.runtime.Junction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resource reads each request from the context its filter hands over; registered without the filter, it reads
 * the same request through its injected proxies. Both servers serve the same gateways, and every request must get
 * the same answer from both: the same request message (the echo flow answers with its payload and HTTP headers).
 */
class RequestContextTest {

    private static Junction junction;
    private static HttpServer withFilter;
    private static HttpServer resourceAlone;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void serve() {
        junction = Junction.create();
        junction.flow("echo").handle(new Echo());
        HttpInboundGateways gateways = HttpInboundGateways.create(junction);
        gateways.inboundGateway("echo").path("/echo/{id}").methods("GET", "POST", "PUT", "DELETE", "PATCH")
                .requestChannel("echo").build();
        gateways.inboundGateway("negotiated").path("/negotiated").methods("POST").consumes("text/*")
                .produces("text/plain", "application/json").requestChannel("echo").build();
        junction.start();
        withFilter = start(new ResourceConfig().registerInstances(JunctionHttpApplication.singletons())
                .addProperties(JunctionHttpApplication.properties(gateways)));
        resourceAlone = start(new ResourceConfig().registerInstances(new HttpInboundResource())
                .addProperties(JunctionHttpApplication.properties(gateways)));
    }

    private static HttpServer start(ResourceConfig config) {
        return GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"), config, true);
    }

    @AfterAll
    static void stop() {
        withFilter.shutdownNow();
        resourceAlone.shutdownNow();
        junction.close();
    }

    @Test
    void everyRequestIsReadTheSameWithTheFilterAsThroughTheProxies() throws Exception {
        List<Function<URI, HttpRequest>> requests = List.of(
                base -> HttpRequest.newBuilder(base.resolve("echo/7?q=a%20b&q=c&single=1")).GET().build(),
                base -> HttpRequest.newBuilder(base.resolve("echo/7")).method("HEAD",
                        HttpRequest.BodyPublishers.noBody()).build(),
                base -> HttpRequest.newBuilder(base.resolve("echo/a%20b")).header("Content-Type",
                        "text/plain; charset=UTF-8").header("Accept-Language", "fr").header("If-Match", "\"x\"")
                        .header("Authorization", "Bearer secret").header("X-Api-Key", "k")
                        .POST(HttpRequest.BodyPublishers.ofString("caf\u00e9")).build(),
                base -> HttpRequest.newBuilder(base.resolve("echo/1")).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
                base -> HttpRequest.newBuilder(base.resolve("echo/1")).header("Content-Type", "no media type")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                base -> HttpRequest.newBuilder(base.resolve("echo/1")).DELETE().build(),
                base -> HttpRequest.newBuilder(base.resolve("negotiated")).header("Content-Type", "text/plain")
                        .header("Accept", "application/json;q=0.5, text/plain;q=0.1")
                        .POST(HttpRequest.BodyPublishers.ofString("latte")).build(),
                base -> HttpRequest.newBuilder(base.resolve("negotiated")).header("Content-Type", "text/plain")
                        .header("Accept", "image/png").POST(HttpRequest.BodyPublishers.ofString("latte")).build(),
                base -> HttpRequest.newBuilder(base.resolve("negotiated")).header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofString("latte")).build(),
                base -> HttpRequest.newBuilder(base.resolve("echo/1")).method("OPTIONS",
                        HttpRequest.BodyPublishers.noBody()).build(),
                base -> HttpRequest.newBuilder(base.resolve("nowhere")).GET().build());

        for (Function<URI, HttpRequest> request : requests) {
            HttpResponse<String> filtered = send(request.apply(base(withFilter)));
            HttpResponse<String> proxied = send(request.apply(base(resourceAlone)));

            assertThat(filtered.statusCode()).as(filtered.request().toString()).isEqualTo(proxied.statusCode());
            assertThat(filtered.body()).as(filtered.request().toString())
                    .isEqualTo(proxied.body().replace(":" + base(resourceAlone).getPort() + "/",
                            ":" + base(withFilter).getPort() + "/"));
            assertThat(filtered.headers().firstValue("Content-Type")).isEqualTo(
                    proxied.headers().firstValue("Content-Type"));
            assertThat(filtered.headers().allValues("Allow")).isEqualTo(proxied.headers().allValues("Allow"));
        }
        // and what they answered is what the request carried, so the comparison above compared something
        HttpResponse<String> get = send(requests.get(0).apply(base(withFilter)));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).contains("http_method=GET", "http_requestPath=/echo/7",
                "http_requestUri=" + base(withFilter) + "echo/7?q=a%20b&q=c&single=1", "http_queryParam_q=[a b, c]",
                "http_queryParam_single=1", "http_pathParam_id=7");
        HttpResponse<String> post = send(requests.get(2).apply(base(withFilter)));
        assertThat(post.body()).startsWith("String:caf\u00e9|").contains("http_pathParam_id=a b", "http_requestPath=/echo/a%20b",
                "http_requestHeader_accept-language=fr", "http_requestHeader_if-match=\"x\"",
                "contentType=text/plain;charset=UTF-8").doesNotContain("secret", "X-Api-Key", "x-api-key");
        assertThat(send(requests.get(6).apply(base(withFilter))).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(send(requests.get(7).apply(base(withFilter))).statusCode()).isEqualTo(406);
        assertThat(send(requests.get(8).apply(base(withFilter))).statusCode()).isEqualTo(415);
        assertThat(send(requests.get(4).apply(base(withFilter))).statusCode()).isEqualTo(400);
    }

    private static URI base(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/api/");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
