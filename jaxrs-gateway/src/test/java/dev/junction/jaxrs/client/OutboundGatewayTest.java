package dev.junction.jaxrs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.jaxrs.HttpMessageHeaders;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound gateway and adapter against real HTTP servers on 127.0.0.1: URIs, methods, headers and bodies both
 * ways, error statuses, the two timeouts, the connection limit and the send timeout.
 */
class OutboundGatewayTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    public record Quote(String sku, int cents) {
    }

    private final Junction junction = Junction.create();
    private final List<AutoCloseable> servers = new ArrayList<>();
    /** Holds slow answers until the test ends, so that no server thread outlives it waiting. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        junction.close();
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private LoopbackServer server(LoopbackServer.Answer answer) {
        LoopbackServer server = new LoopbackServer(answer);
        servers.add(server);
        return server;
    }

    private LoopbackServer echo() {
        return server((request, exchange) -> {
            exchange.getResponseHeaders().set("Location", "/made/1");
            exchange.getResponseHeaders().set("Set-Cookie", "session=secret");
            LoopbackServer.respond(exchange, 200, "text/plain;charset=UTF-8", request.method() + " " + request.uri()
                    + " " + request.body());
        });
    }

    /** Sends through the gateway as a flow step would and returns its reply. */
    private static Message<?> call(HttpOutboundGateway gateway, Message<?> request) {
        PollableChannel replies = MessageChannels.queue(10);
        gateway.handleMessage(MessageBuilder.fromMessage(request).setReplyChannel(replies).build());
        return replies.receive(Duration.ZERO);
    }

    private static Message<?> call(HttpOutboundGateway gateway, Object payload) {
        return call(gateway, MessageBuilder.withPayload(payload).build());
    }

    @Test
    void expandsTheUriFromExpressionsAndEncodesEachValueAsOneComponent() {
        LoopbackServer server = echo();
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/shops/{shop}/items/{sku}?q={q}"))
                .uriVariable("shop", "headers['shop']").uriVariable("sku", "payload")
                .uriVariable("q", "'tea & cake/2'").httpMethod("GET").build();

        Message<?> reply = call(gateway, MessageBuilder.withPayload("a b/c?d").setHeader("shop", 7).build());

        assertThat(reply.getPayload()).isEqualTo("GET /shops/7/items/a%20b%2Fc%3Fd?q=tea%20%26%20cake%2F2 ");
        assertThat(reply.getHeaders().get(HttpMessageHeaders.REMOTE_STATUS_CODE)).isEqualTo(200);
        assertThat(reply.getHeaders().get(HttpMessageHeaders.remoteHeader("Location"))).isEqualTo("/made/1");
        assertThat(reply.getHeaders().get(HttpMessageHeaders.remoteHeader("Content-Type")))
                .isEqualTo("text/plain;charset=UTF-8");
        assertThat(reply.getHeaders().keySet()).as("Set-Cookie is not among the default response headers")
                .noneMatch(name -> name.toLowerCase().contains("cookie"));
    }

    @Test
    void postsTextWithItsContentTypeAndKeepsTheRequestHeadersOnTheReply() {
        LoopbackServer server = echo();
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/notes")).build();

        Message<?> reply = call(gateway, MessageBuilder.withPayload("héllo").setHeader("ticket", 42).build());

        assertThat(reply.getPayload()).isEqualTo("POST /notes héllo");
        assertThat(reply.getHeaders().get("ticket")).isEqualTo(42);
        assertThat(server.seen().get(0).header("Content-Type")).isEqualTo("text/plain;charset=UTF-8");
    }

    @Test
    void writesObjectsAsJsonAndReadsTheExpectedTypeThroughJsonB() {
        LoopbackServer server = server((request, exchange) -> LoopbackServer.respond(exchange, 201,
                "application/json", "{\"sku\":\"tea\",\"cents\":" + (request.body().length() * 10) + "}"));
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/quotes"))
                .expectedResponseType(Quote.class).build();

        Message<?> reply = call(gateway, new Quote("tea", 0));

        assertThat(server.seen().get(0).body()).isEqualTo("{\"cents\":0,\"sku\":\"tea\"}");
        assertThat(server.seen().get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.getPayload()).isEqualTo(new Quote("tea", 230));
        assertThat(reply.getHeaders().get(HttpMessageHeaders.REMOTE_STATUS_CODE)).isEqualTo(201);
    }

    @Test
    void bytesStayBytesAndAnEmptyBodyRepliesTheEmptyString() {
        LoopbackServer server = server((request, exchange) -> {
            if (request.method().equals("PUT")) {
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, 3);
                exchange.getResponseBody().write(new byte[] {1, 2, 3});
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
        });
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/blobs"))
                .httpMethodExpression("headers['verb']").build();

        Message<?> put = call(gateway, MessageBuilder.withPayload(new byte[] {9}).setHeader("verb", "put").build());
        Message<?> delete = call(gateway, MessageBuilder.withPayload("x").setHeader("verb", "DELETE").build());

        assertThat(put.getPayload()).isEqualTo(new byte[] {1, 2, 3});
        assertThat(server.seen().get(0).header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(delete.getPayload()).isEqualTo("");
        assertThat(delete.getHeaders().get(HttpMessageHeaders.REMOTE_STATUS_CODE)).isEqualTo(204);
        assertThat(server.seen()).extracting(LoopbackServer.Seen::method).containsExactly("PUT", "DELETE");
    }

    @Test
    void aMethodExpressionThatGivesNoMethodFailsWithTheMessage() {
        LoopbackServer server = echo();
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/x"))
                .httpMethodExpression("headers['verb']").build();
        Message<String> request = MessageBuilder.withPayload("x").setHeader("verb", "GET /y").build();

        MessageHandlingException failure = catchThrowableOfType(MessageHandlingException.class,
                () -> call(gateway, request));

        assertThat(failure.getFailedMessage().getPayload()).isEqualTo("x");
        assertThat(failure).hasMessageContaining("'GET /y'").hasMessageContaining("not an HTTP method");
        assertThat(server.seen()).isEmpty();
    }

    @Test
    void sendsHeadersFromExpressionsAndTheMappedMessageHeadersOnly() {
        LoopbackServer server = echo();
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/h")).httpMethod("GET")
                .header("Authorization", "'Bearer ' += headers['token']").header("X-Absent", "headers['none']")
                .mapRequestHeaders("X-Trace-*").build();

        call(gateway, MessageBuilder.withPayload("").setHeader("token", "t0k").setHeader("X-Trace-Id", "abc")
                .setHeader("X-Secret", "no").build());

        LoopbackServer.Seen seen = server.seen().get(0);
        assertThat(seen.header("Authorization")).isEqualTo("Bearer t0k");
        assertThat(seen.header("X-Trace-Id")).isEqualTo("abc");
        assertThat(seen.header("X-Secret")).isNull();
        assertThat(seen.header("X-Absent")).isNull();
        assertThat(seen.header("token")).isNull();
    }

    @Test
    void errorStatusesFailWithTheirStatusHeadersAndBody() {
        LoopbackServer server = server((request, exchange) -> LoopbackServer.respond(exchange,
                request.uri().endsWith("missing") ? 404 : 503, "application/problem+json",
                "{\"title\":\"" + request.uri() + "\"}"));
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/{what}"))
                .uriVariable("what", "payload").build();

        HttpStatusException missing = catchThrowableOfType(HttpStatusException.class, () -> call(gateway, "missing"));
        HttpStatusException busy = catchThrowableOfType(HttpStatusException.class, () -> call(gateway, "busy"));

        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.isClientError()).isTrue();
        assertThat(missing.getBodyAsString()).isEqualTo("{\"title\":\"/missing\"}");
        assertThat(missing.getHeaders().get("content-type")).containsExactly("application/problem+json");
        assertThat(missing.getFailedMessage().getPayload()).isEqualTo("missing");
        assertThat(missing).hasMessageContaining("POST " + server.uri("/missing") + " was answered 404");
        assertThat(busy.getStatusCode()).isEqualTo(503);
        assertThat(busy.isClientError()).isFalse();
    }

    @Test
    void aServerThatAnswersTooSlowlyIsAReadTimeout() {
        LoopbackServer server = server((request, exchange) -> {
            awaitRelease();
            LoopbackServer.respond(exchange, 200, "text/plain", "too late");
        });
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/slow"))
                .connectTimeout(Duration.ofMillis(100)).readTimeout(Duration.ofMillis(300)).build();

        ReadTimeoutException late = catchThrowableOfType(ReadTimeoutException.class, () -> call(gateway, "x"));

        assertThat(late).hasMessageContaining("POST " + server.uri("/slow"))
                .hasMessageContaining("no complete response within the read timeout of 300 ms");
        assertThat(late).isNotInstanceOf(ConnectTimeoutException.class);
        // the client's own timer or the gateway's wait for the body, whichever ends first
        assertThat(late.getCause()).isNotInstanceOf(HttpConnectTimeoutException.class);
        assertThat(late.getFailedMessage().getPayload()).isEqualTo("x");
    }

    @Test
    void aBodyThatStopsHalfWayIsAReadTimeoutToo() {
        LoopbackServer server = server((request, exchange) -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("only a part".getBytes());
            exchange.getResponseBody().flush();
            awaitRelease();
        });
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/halfway"))
                .connectTimeout(Duration.ofMillis(100)).readTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> call(gateway, "x")).isInstanceOf(ReadTimeoutException.class)
                .hasMessageContaining("read timeout of 300 ms");
    }

    @Test
    void aListenerThatNeverAcceptsIsAConnectTimeout() throws IOException {
        FullBacklogServer server = new FullBacklogServer();
        servers.add(server);
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/never"))
                .connectTimeout(Duration.ofMillis(200)).readTimeout(Duration.ofSeconds(20)).build();

        ConnectTimeoutException timeout = catchThrowableOfType(ConnectTimeoutException.class,
                () -> call(gateway, "x"));

        assertThat(timeout).hasMessageContaining("POST " + server.uri("/never"))
                .hasMessageContaining("could not connect within the connect timeout of 200 ms");
        assertThat(timeout.getCause()).isInstanceOf(HttpConnectTimeoutException.class);
    }

    @Test
    void noMoreExchangesRunAtOnceThanTheGatewayHasConnections() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        LoopbackServer server = server((request, exchange) -> {
            await(held);
            LoopbackServer.respond(exchange, 200, "text/plain", "done");
        });
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/pool")).maxConnections(3)
                .connectTimeout(Duration.ofSeconds(20)).readTimeout(Duration.ofSeconds(40)).build();
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<Message<?>>> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                replies.add(callers.submit(() -> call(gateway, "x")));
            }
            Awaitility.await().atMost(GENEROUS).until(() -> server.inProgress() == 3);
            held.countDown();
            for (Future<Message<?>> reply : replies) {
                assertThat(reply.get(GENEROUS.toSeconds(), TimeUnit.SECONDS).getPayload()).isEqualTo("done");
            }
        } finally {
            held.countDown();
            callers.shutdownNow();
        }
        assertThat(server.mostAtOnce()).isEqualTo(3);
        assertThat(server.clientPorts()).as("connections opened, reused by later exchanges").hasSizeLessThanOrEqualTo(3);
        assertThat(server.seen()).hasSize(10);
    }

    @Test
    void aRequestFindingEveryConnectionBusyPastTheConnectTimeoutFails() throws Exception {
        LoopbackServer server = server((request, exchange) -> {
            awaitRelease();
            LoopbackServer.respond(exchange, 200, "text/plain", "done");
        });
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/busy")).maxConnections(1)
                .connectTimeout(Duration.ofMillis(200)).readTimeout(Duration.ofSeconds(40)).build();
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            first.submit(() -> call(gateway, "first"));
            Awaitility.await().atMost(GENEROUS).until(() -> server.inProgress() == 1);

            assertThatThrownBy(() -> call(gateway, "second")).isInstanceOf(ConnectTimeoutException.class)
                    .hasMessageContaining("all 1 connections of the gateway stayed busy");
        } finally {
            release.countDown();
            first.shutdown();
        }
        assertThat(server.seen()).extracting(LoopbackServer.Seen::body).containsExactly("first");
    }

    @Test
    void aReplyChannelStillFullAfterTheSendTimeoutFailsTheExchange() {
        LoopbackServer server = echo();
        HttpOutboundGateway gateway = HttpOutbound.gateway(junction, server.uri("/full"))
                .sendTimeout(Duration.ofMillis(100)).build();
        PollableChannel full = MessageChannels.queue(1);
        full.send(MessageBuilder.withPayload("already there").build());

        assertThatThrownBy(() -> gateway.handleMessage(MessageBuilder.withPayload("x").setReplyChannel(full).build()))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("within 100 ms");
        assertThat(server.seen()).hasSize(1);
    }

    @Test
    void theAdapterSendsAndRepliesNothingButStillReportsErrorStatuses() {
        LoopbackServer server = server((request, exchange) -> LoopbackServer.respond(exchange,
                request.body().equals("bad") ? 400 : 200, "text/plain", "ok"));
        HttpOutboundGateway adapter = HttpOutbound.adapter(junction, server.uri("/events")).build();
        PollableChannel replies = MessageChannels.queue(10);

        adapter.handleMessage(MessageBuilder.withPayload("fine").setReplyChannel(replies).build());

        assertThat(adapter.isOneWay()).isTrue();
        assertThat(replies.receive(Duration.ZERO)).isNull();
        assertThat(server.seen()).extracting(LoopbackServer.Seen::body).containsExactly("fine");
        assertThatThrownBy(() -> adapter.handleMessage(MessageBuilder.withPayload("bad").build()))
                .isInstanceOf(HttpStatusException.class);
    }

    @Test
    void worksAsAFlowStep() {
        LoopbackServer server = echo();
        junction.flow("lookups").handle(HttpOutbound.gateway(junction, server.uri("/items/{id}"))
                .uriVariable("id", "payload").httpMethod("GET").build()).transform("payload.toUpperCase()");
        junction.start();
        PollableChannel replies = MessageChannels.queue(10);

        junction.channel("lookups").send(MessageBuilder.withPayload("7").setReplyChannel(replies).build());

        assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo("GET /ITEMS/7 ");
    }

    private void awaitRelease() {
        await(release);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS); // bounded so that a failing test cannot hold a server thread forever
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
