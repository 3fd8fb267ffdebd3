package dev.junction.benchmarks;

import dev.junction.api.runtime.Junction;
import dev.junction.jaxrs.HttpInboundGateways;
import dev.junction.jaxrs.JunctionHttpApplication;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An HTTP POST served two ways by one Jersey-on-Grizzly server on 127.0.0.1, in the same run: the body is a short
 * text, the answer {@code "echo " + body} as {@code text/plain}.
 *
 * <ul>
 *   <li>{@link #inboundGateway}: a Junction HTTP inbound gateway (message sent to a direct flow whose handler
 *       answers on the request's thread, so the resource method returns an already complete stage of the
 *       response, which Jersey writes at once on the request's thread).</li>
 *   <li>{@link #plainResource}: a plain synchronous Jakarta REST resource method doing the same concatenation.</li>
 * </ul>
 *
 * <p>A fixed number of clients, {@value #CLIENTS} JMH threads, each with its own {@code java.net.http} client on one
 * kept-alive HTTP/1.1 connection, send one request at a time and wait for the answer. Each benchmark runs in both
 * modes: throughput (requests per second) and sample time (latency percentiles, p99 among them). The client's cost
 * is in both scores alike; the difference between the two is the gateway's.
 *
 * <p>JMH runs each benchmark in a JVM of its own, one after the other, so a machine whose load changes between them
 * skews the ratio: {@link HttpGatewayCosts} runs both against the same server, interleaved in short rounds, with the
 * CPU time per request, and is the one to read the goal from.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@Threads(HttpGatewayBenchmark.CLIENTS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10) // ~10,000 requests per iteration at the rates seen: a p99 of ~100 each
@Fork(1)
public class HttpGatewayBenchmark {

    /** Concurrent clients. */
    static final int CLIENTS = 8;

    private static final String BODY = "flat white, large";

    /** The plain resource: what an application would write by hand for the same answer. */
    @Path("plain/echo")
    public static class PlainEcho {
        @POST
        @Consumes("text/plain")
        @Produces("text/plain")
        public String echo(String body) {
            return "echo " + body;
        }
    }

    /**
     * The plain resource answering through a suspended request, resumed inside the method: what suspending costs by
     * itself, which a gateway pays when its reply is not there once its resource method returns ({@link
     * HttpGatewayCosts} compares it; no benchmark method of its own).
     */
    @Path("plain/async-echo")
    public static class PlainAsyncEcho {
        @POST
        @Consumes("text/plain")
        @Produces("text/plain")
        public void echo(@Suspended AsyncResponse response, String body) {
            response.resume("echo " + body);
        }
    }

    /** One server, all endpoints, shared by all clients. */
    @State(Scope.Benchmark)
    public static class Server {
        Junction junction;
        HttpServer http;
        URI base;

        @Setup
        public void start() {
            junction = Junction.create();
            junction.flow("echo").handle((String body) -> "echo " + body);
            HttpInboundGateways gateways = HttpInboundGateways.create(junction);
            gateways.inboundGateway("echo").path("/gateway/echo").methods("POST").consumes("text/plain")
                    .produces("text/plain").requestChannel("echo").build();
            junction.start();
            ResourceConfig application = new ResourceConfig().registerInstances(JunctionHttpApplication.singletons())
                    .register(PlainEcho.class).register(PlainAsyncEcho.class).addProperties(JunctionHttpApplication.properties(gateways));
            http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"), application,
                    true);
            base = URI.create("http://127.0.0.1:" + http.getListeners().iterator().next().getPort() + "/api/");
        }

        @TearDown
        public void stop() {
            http.shutdownNow();
            junction.close();
        }
    }

    /** One client per thread, on a connection of its own. */
    @State(Scope.Thread)
    public static class Client {
        HttpClient client;
        HttpRequest toGateway;
        HttpRequest toResource;
        HttpRequest toAsyncResource;

        @Setup
        public void connect(Server server) throws IOException, InterruptedException {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            toGateway = request(server.base.resolve("gateway/echo"));
            toResource = request(server.base.resolve("plain/echo"));
            toAsyncResource = request(server.base.resolve("plain/async-echo"));
            // each set-up checks one answer of each, so a broken endpoint cannot score
            check(send(toGateway));
            check(send(toResource));
            check(send(toAsyncResource));
        }

        private static HttpRequest request(URI uri) {
            return HttpRequest.newBuilder(uri).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        }

        private static void check(String answer) {
            if (!answer.equals("echo " + BODY)) {
                throw new IllegalStateException("Unexpected answer: " + answer);
            }
        }

        String send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String inboundGateway(Client client) throws IOException, InterruptedException {
        return client.send(client.toGateway);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String plainResource(Client client) throws IOException, InterruptedException {
        return client.send(client.toResource);
    }
}
