package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Junction;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gateways as endpoints of their runtime: started, stopped and closed with it; the one-way adapter. */
class LifecycleTest {

    private Junction junction;
    private HttpInboundGateways gateways;
    private HttpTestServer http;

    @BeforeEach
    void declare() {
        junction = Junction.create();
        junction.flow("echo").handle(new Echo());
        gateways = HttpInboundGateways.create(junction);
        gateways.inboundGateway("echo").path("/echo").methods("GET").requestChannel("echo").build();
        http = HttpTestServer.serve(gateways);
    }

    @AfterEach
    void close() {
        http.close();
        junction.close();
    }

    @Test
    void beforeTheRuntimeStartsRequestsAreRefused() {
        assertThat(http.get("echo").statusCode()).isEqualTo(503);

        junction.start();

        assertThat(http.get("echo").statusCode()).isEqualTo(200);
    }

    @Test
    void aGatewayIsAnEndpointOfItsRuntime() {
        junction.start();
        Endpoint endpoint = junction.endpoint("echo").orElseThrow();

        endpoint.stop();
        HttpResponse<String> stopped = http.get("echo");
        endpoint.start();

        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.body()).contains("\"status\":503", "not accepting requests");
        assertThat(http.get("echo").statusCode()).isEqualTo(200);
    }

    @Test
    void stoppingTheRuntimeStopsItsGateways() {
        junction.start();
        HttpInboundGateway gateway = gateways.gateway("echo").orElseThrow();

        junction.stop();

        assertThat(gateway.isRunning()).isFalse();
        assertThat(http.get("echo").statusCode()).isEqualTo(503);
    }

    @Test
    void aRequestWaitingForItsReplyIsAnsweredWhileTheRuntimeStops() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch replyAllowed = new CountDownLatch(1);
        junction.flow(MessageChannels.queue("slow", 10)).poll(PollerSpec.fixedDelay(Duration.ofMillis(5)))
                .handle((String payload) -> {
                    handling.countDown();
                    awaitQuietly(replyAllowed);
                    return "done";
                });
        gateways.inboundGateway("slow").path("/slow").methods("POST").requestChannel("slow")
                .replyTimeout(Duration.ofSeconds(10)).build();
        junction.start();
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture
                .supplyAsync(() -> http.post("slow", "text/plain", "x"));
        assertThat(handling.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> stopping = CompletableFuture.supplyAsync(junction::stop);
        await().until(() -> !junction.isRunning());
        HttpResponse<String> refused = http.post("slow", "text/plain", "y");
        replyAllowed.countDown();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(waiting.get().body()).isEqualTo("done");
        assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue(); // the message in flight finished before the stop
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aGatewayDeclaredAfterStartRunsAtOnce() {
        junction.start();

        gateways.inboundGateway("late").path("/late").methods("GET").requestChannel("echo").build();

        assertThat(http.get("late").statusCode()).isEqualTo(200);
    }

    @Test
    void aGatewayThatDoesNotStartWithItsRuntimeAnswers503UntilStarted() {
        gateways.inboundGateway("manual").path("/manual").methods("GET").requestChannel("echo").autoStartup(false)
                .build();
        junction.start();

        assertThat(http.get("manual").statusCode()).isEqualTo(503);
        junction.endpoint("manual").orElseThrow().start();
        assertThat(http.get("manual").statusCode()).isEqualTo(200);
    }

    @Test
    void theInboundAdapterAnswersAcceptedOnceItsMessageIsSent() {
        PollableChannel intake = junction.register(MessageChannels.queue("intake", 10));
        gateways.inboundAdapter("intake").path("/intake/{kind}").methods("POST").requestChannel("intake").build();
        junction.start();

        HttpResponse<String> response = http.post("intake/tea", "text/plain", "two cups");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        Message<?> received = intake.receive(Duration.ofSeconds(5));
        assertThat(received).isNotNull();
        assertThat(received.getPayload()).isEqualTo("two cups");
        assertThat(received.getHeaders()).containsEntry(HttpMessageHeaders.pathParam("kind"), "tea");
    }

    @Test
    void theInboundAdapterDropsRepliesOfItsFlow() {
        junction.flow("answering").handle((String payload) -> "a reply nobody waits for");
        gateways.inboundAdapter("answering").path("/answering").methods("POST").requestChannel("answering").build();
        junction.start();

        assertThat(http.post("answering", "text/plain", "x").statusCode()).isEqualTo(202);
    }

    @Test
    void theInboundAdapterAnswers500WhenItsFlowFails() {
        PollableChannel errors = junction.register(MessageChannels.queue("adapterErrors", 10));
        junction.flow("failing").handle((String payload) -> {
            throw new IllegalStateException("boom");
        });
        gateways.inboundAdapter("failing").path("/failing").methods("POST").requestChannel("failing")
                .errorChannel("adapterErrors").build();
        junction.start();

        HttpResponse<String> response = http.post("failing", "text/plain", "x");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("boom");
        assertThat(errors.receive(Duration.ofSeconds(5))).isNotNull(); // the error flow gets the failure too
    }

    @Test
    void closingTheRuntimeRefusesRequests() {
        junction.start();

        junction.close();

        assertThat(http.get("echo").statusCode()).isEqualTo(503);
    }
}
