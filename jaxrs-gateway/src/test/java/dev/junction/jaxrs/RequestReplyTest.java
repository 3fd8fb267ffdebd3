package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests become messages and replies become responses, over real HTTP against Jersey on Grizzly. */
class RequestReplyTest {

    public record Order(String item, int quantity) {
    }

    public record Confirmation(String item, int quantity, String status) {
    }

    private static final BlockingQueue<Message<?>> SEEN_ON_REPLY_CHANNEL = new LinkedBlockingQueue<>();

    private static Junction junction;
    private static HttpTestServer http;

    @BeforeAll
    static void serve() {
        junction = Junction.create();
        junction.flow("echo").handle(new Echo());
        junction.flow("orders").handle((Order order) -> new Confirmation(order.item(), order.quantity(), "placed"));
        junction.flow("created").handle((String item) -> MessageBuilder.withPayload("created " + item)
                .setHeader(HttpMessageHeaders.STATUS_CODE, 201)
                .setHeader(HttpMessageHeaders.responseHeader("Location"), "/api/items/7")
                .setHeader(HttpMessageHeaders.responseHeader("Connection"), "close") // hop-by-hop: never written
                .build());
        SubscribableChannel replies = junction.register(MessageChannels.publishSubscribe("replies"));
        replies.subscribe(SEEN_ON_REPLY_CHANNEL::add);
        junction.flow("viaReplyChannel").transform("payload += '!'").channel("replies");
        junction.flow(MessageChannels.queue("polled", 10)).poll(PollerSpec.fixedDelay(Duration.ofMillis(5)))
                .handle((String body) -> "polled " + body + " on " + Thread.currentThread().getName());

        HttpInboundGateways gateways = HttpInboundGateways.create(junction);
        gateways.inboundGateway("echo").path("/echo/{id}").methods("GET", "POST", "PUT", "DELETE", "PATCH")
                .requestChannel("echo").build();
        gateways.inboundGateway("echoSpecial").path("/echo/special").methods("GET").requestChannel("echo").build();
        gateways.inboundGateway("echoTail").path("/files/{name: .+}").methods("GET").requestChannel("echo").build();
        gateways.inboundGateway("echoCustomHeaders").path("/custom").methods("GET").requestChannel("echo")
                .headerMapper(DefaultHttpHeaderMapper.builder().requestHeaders("X-*", "Authorization").build())
                .build();
        gateways.inboundGateway("orders").path("/orders").methods("POST").consumes("application/json")
                .produces("application/json").payloadType(Order.class).requestChannel("orders").build();
        gateways.inboundGateway("created").path("/items").methods("POST").requestChannel("created").build();
        gateways.inboundGateway("viaReplyChannel").path("/shout").methods("POST").requestChannel("viaReplyChannel")
                .replyChannel("replies").build();
        gateways.inboundGateway("polled").path("/polled").methods("POST").requestChannel("polled")
                .replyTimeout(Duration.ofSeconds(10)).build();
        junction.start();
        http = HttpTestServer.serve(gateways);
    }

    @AfterAll
    static void stop() {
        http.close();
        junction.close();
    }

    @Test
    void pathAndQueryParametersMethodAndUriBecomeHeaders() {
        HttpResponse<String> response = http.get("echo/42?page=2&tag=a&tag=b");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(response.body()).startsWith("String:|") // a request without a body has the empty string
                .contains("http_pathParam_id=42", "http_queryParam_page=2", "http_queryParam_tag=[a, b]",
                        "http_method=GET", "http_requestPath=/echo/42",
                        "http_requestUri=http://127.0.0.1:" + http.port() + "/api/echo/42?page=2&tag=a&tag=b");
    }

    @Test
    void pathParametersAreDecodedAfterMatching() {
        // Grizzly refuses an encoded slash itself; PathTemplateTest shows one stays inside its segment
        assertThat(http.get("echo/caf%C3%A9+c%20d").body()).contains("http_pathParam_id=caf\u00e9+c d");
        assertThat(http.get("files/reports/2024/q1.pdf").body()).contains("http_pathParam_name=reports/2024/q1.pdf");
    }

    @Test
    void theMostSpecificTemplateWins() {
        assertThat(http.get("echo/special").body()).contains("http_requestPath=/echo/special")
                .doesNotContain("http_pathParam_id");
        assertThat(http.get("echo/other").body()).contains("http_pathParam_id=other");
    }

    @Test
    void textBodiesAreStringsInTheirCharset() {
        HttpResponse<String> response = http.send(http.request("echo/1")
                .header("Content-Type", "text/plain; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))));

        assertThat(response.body()).startsWith("String:caf\u00e9|")
                .contains("contentType=text/plain;charset=ISO-8859-1");
        assertThat(http.post("echo/1", "application/json", "{\"a\":1}").body()).startsWith("String:{\"a\":1}|");
    }

    @Test
    void otherBodiesAreBytes() {
        HttpResponse<String> octets = http.send(http.request("echo/1")
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
        HttpResponse<String> untyped = http.send(http.request("echo/1")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3, 4})));

        assertThat(octets.body()).startsWith("bytes:3|").contains("http_method=PUT");
        assertThat(untyped.body()).startsWith("bytes:4|").contains("http_method=PATCH");
    }

    @Test
    void aDeclaredPayloadTypeIsReadAndTheReplyWrittenAsJson() {
        HttpResponse<String> response = http.post("orders", "application/json", "{\"item\":\"tea\",\"quantity\":3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"item\":\"tea\",\"quantity\":3,\"status\":\"placed\"}");
    }

    @Test
    void aBodyThatDoesNotFitThePayloadTypeIsABadRequest() {
        HttpResponse<String> response = http.post("orders", "application/json", "{\"item\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theReplyNamesStatusAndHeaders() {
        HttpResponse<String> response = http.post("items", "text/plain", "kettle");

        assertThat(response.statusCode()).isEqualTo(201);
        // Jakarta REST resolves a relative location against the base URI
        assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + http.port()
                + "/api/items/7");
        assertThat(response.headers().firstValue("Connection")).isNotEqualTo(Optional.of("close"));
        assertThat(response.body()).isEqualTo("created kettle");
    }

    @Test
    void onlyTheSafeHeadersAreMappedByDefault() {
        HttpResponse<String> response = http.send(http.request("echo/1").header("Accept", "text/plain")
                .header("X-Request-Id", "r-1").header("Authorization", "Bearer secret").header("Cookie", "s=1"));

        assertThat(response.body()).contains("http_requestHeader_accept=text/plain")
                .doesNotContain("x-request-id", "authorization", "secret", "cookie");
    }

    @Test
    void aMapperMapsWhatItIsAskedFor() {
        HttpResponse<String> response = http.send(http.request("custom").header("X-Request-Id", "r-1")
                .header("Authorization", "Bearer secret").header("Cookie", "s=1"));

        assertThat(response.body()).contains("http_requestHeader_x-request-id=r-1",
                "http_requestHeader_authorization=Bearer secret").doesNotContain("cookie");
    }

    @Test
    void anExplicitReplyChannelSeesTheReplyAndTheRequestGetsIt() throws InterruptedException {
        HttpResponse<String> response = http.post("shout", "text/plain", "hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello!");
        Message<?> seen = SEEN_ON_REPLY_CHANNEL.poll(5, TimeUnit.SECONDS);
        assertThat(seen).isNotNull();
        assertThat(seen.getPayload()).isEqualTo("hello!");
    }

    @Test
    void headIsServedByGetWithoutABody() {
        HttpResponse<String> response = http.send(http.request("echo/9")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void optionsListsTheMethodsServed() {
        HttpResponse<String> response = http.send(http.request("echo/special")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(String.join(",", response.headers().allValues("Allow")))
                .contains("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    }

    @Test
    void aReplyFromAnotherThreadAnswersTheRequestWaitingForIt() {
        // the resource method returned before the poller's thread replied: the runtime waited for the stage
        HttpResponse<String> response = http.post("polled", "text/plain", "flat white");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("polled flat white on ").doesNotContain("grizzly");
    }

    @Test
    void requestsAreServedConcurrently() {
        List<CompletableFuture<String>> futures = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.get("echo/" + i).body())).toList();

        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).orTimeout(10, TimeUnit.SECONDS).join()).contains("http_pathParam_id=" + i);
        }
    }

}
