package dev.junction.impl.gateway;

import static dev.junction.impl.gateway.Flows.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.error.ReplyRequiredException;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ExecutorChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.ServiceActivatingHandler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scenarios of 7.2.10 "Gateway behavior when no response arrives", each for a single-threaded flow (direct
 * channels: the whole flow runs inside the gateway's send) and a multi-threaded one (an executor channel hands
 * the request to another thread), plus the request timeout.
 */
class GatewayTimeoutTest {

    private static final long REPLY_TIMEOUT_MS = 100;
    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(REPLY_TIMEOUT_MS);

    private final ExecutorService threads = Flows.daemonThreads("timeout-test");
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    /** How the request reaches the service. */
    enum Flow {
        SINGLE_THREADED, MULTI_THREADED;

        MessageChannel channel(ExecutorService threads) {
            return this == SINGLE_THREADED ? new DirectChannel("service") : new ExecutorChannel("service", threads);
        }
    }

    interface Service {
        String call(String payload);

        int count(String payload);
    }

    private Service gateway(MessageChannel requests, Duration replyTimeout) {
        return GatewayProxyFactory.builder(Service.class).defaultRequestChannel(requests)
                .defaultReplyTimeout(replyTimeout).create();
    }

    private static void subscribe(MessageChannel channel, dev.junction.api.handler.MessageHandler handler) {
        ((dev.junction.api.channel.SubscribableChannel) channel).subscribe(handler);
    }

    // ---- a long-running process downstream ----

    @Test
    void singleThreadedTheReplyTimeoutCannotCutALongRunningFlowShort() throws Exception {
        MessageChannel service = Flow.SINGLE_THREADED.channel(threads);
        subscribe(service, Flows.service(payload -> {
            awaitRelease();
            return "finally " + payload;
        }));
        Service gateway = gateway(service, Duration.ofMillis(1));

        FutureTask<String> call = start(() -> gateway.call("slow"));
        assertStillRunning(call, Duration.ofMillis(3 * REPLY_TIMEOUT_MS));
        release.countDown();

        assertThat(call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the flow ran in the caller's thread; the 1 ms reply timeout started only after it")
                .isEqualTo("finally slow");
    }

    @Test
    void multiThreadedTheReplyTimeoutEndsTheWaitAndTheLateReplyIsRefused() throws Exception {
        MessageChannel service = Flow.MULTI_THREADED.channel(threads);
        AtomicReference<Boolean> lateReplyAccepted = new AtomicReference<>();
        CountDownLatch replied = new CountDownLatch(1);
        subscribe(service, request -> {
            awaitRelease();
            lateReplyAccepted.set(Flows.replyTo(request, "too late"));
            replied.countDown();
        });
        Service gateway = gateway(service, REPLY_TIMEOUT);

        long started = System.nanoTime();
        assertThat(gateway.call("slow")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(REPLY_TIMEOUT);

        release.countDown();
        assertThat(replied.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(lateReplyAccepted.get()).isFalse();
    }

    // ---- a downstream component that returns null, or is void ----

    @ParameterizedTest
    @EnumSource(Flow.class)
    void aNullReplyMakesTheCallReturnNullAfterTheReplyTimeout(Flow flow) {
        MessageChannel service = flow.channel(threads);
        subscribe(service, Flows.service(payload -> null)); // a service method returning null: no reply
        Service gateway = gateway(service, REPLY_TIMEOUT);

        long started = System.nanoTime();
        assertThat(gateway.call("x")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(REPLY_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Flow.class)
    void aVoidDownstreamComponentMakesTheCallReturnNullAfterTheReplyTimeout(Flow flow) {
        MessageChannel service = flow.channel(threads);
        AtomicBoolean handled = new AtomicBoolean();
        subscribe(service, request -> handled.set(true)); // a void handler: it never replies
        Service gateway = gateway(service, REPLY_TIMEOUT);

        long started = System.nanoTime();
        assertThat(gateway.call("x")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(REPLY_TIMEOUT);
        await().atMost(PATIENCE).untilTrue(handled);
    }

    @ParameterizedTest
    @EnumSource(Flow.class)
    void withoutAReplyTimeoutANullReplyBlocksTheCallerUntilItIsInterrupted(Flow flow) throws Exception {
        MessageChannel service = flow.channel(threads);
        subscribe(service, Flows.service(payload -> null));
        Service gateway = GatewayProxyFactory.builder(Service.class).defaultRequestChannel(service).create(); // unbounded

        AtomicBoolean interruptFlagKept = new AtomicBoolean();
        FutureTask<String> call = new FutureTask<>(() -> {
            String result = gateway.call("x");
            interruptFlagKept.set(Thread.currentThread().isInterrupted());
            return result;
        });
        Thread caller = new Thread(call, "blocked-caller");
        caller.setDaemon(true);
        caller.start();

        assertStillRunning(call, Duration.ofMillis(3 * REPLY_TIMEOUT_MS));
        caller.interrupt();
        assertThat(call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(interruptFlagKept).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Flow.class)
    void aServiceThatRequiresAReplyTurnsNullIntoAnException(Flow flow) {
        MessageChannel service = flow.channel(threads);
        subscribe(service, new ServiceActivatingHandler(message -> null,
                ReplyProducerSettings.named("strictService").requiresReply(true)));
        Service gateway = gateway(service, PATIENCE); // bounded only so that a regression cannot hang the build

        assertThatThrownBy(() -> gateway.call("x")).isInstanceOf(ReplyRequiredException.class)
                .hasMessageContaining("strictService");
    }

    // ---- a runtime exception downstream ----

    @ParameterizedTest
    @EnumSource(Flow.class)
    void aRuntimeExceptionDownstreamIsRethrownToTheCaller(Flow flow) {
        MessageChannel service = flow.channel(threads);
        subscribe(service, Flows.service(payload -> {
            throw new IllegalStateException("no " + payload + " today");
        }));
        Service gateway = gateway(service, PATIENCE);

        assertThatThrownBy(() -> gateway.call("tea")).isInstanceOf(MessagingException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("no tea today")
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage().getPayload()).isEqualTo("tea"));
    }

    // ---- primitive return types ----

    @ParameterizedTest
    @EnumSource(Flow.class)
    void aPrimitiveReturnTypeCannotSayNoReplyAndThrowsOnTimeout(Flow flow) {
        MessageChannel service = flow.channel(threads);
        subscribe(service, Flows.service(payload -> null));
        Service gateway = gateway(service, REPLY_TIMEOUT);

        assertThatThrownBy(() -> gateway.count("x")).isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("Service.count(String) received no reply within its reply timeout of 100 ms")
                .hasMessageContaining("returns int");
    }

    // ---- the request timeout ----

    @MessagingGateway(defaultRequestChannel = "full", defaultRequestTimeout = 100)
    interface Sender {
        void send(String payload);

        @Gateway(requestTimeout = 0)
        void sendNow(String payload);

        @Gateway(requestTimeout = MessagingGateway.UNBOUNDED)
        void sendWhenThereIsRoom(String payload);
    }

    @Test
    void theRequestTimeoutBoundsTheSend() throws Exception {
        ChannelRegistry channels = new ChannelRegistry();
        QueueChannel full = channels.register(new QueueChannel("full", 1));
        full.send(Message.of("occupant"));
        Sender gateway = GatewayProxyFactory.builder(Sender.class).channelResolver(channels).create();

        long started = System.nanoTime();
        assertThatThrownBy(() -> gateway.send("x")).isInstanceOf(MessageTimeoutException.class)
                .hasMessageContaining("Sender.send(String)").hasMessageContaining("'full'")
                .hasMessageContaining("request timeout of 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> gateway.sendNow("x")).isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("request timeout of 0 ms");

        FutureTask<Void> waiting = start(() -> {
            gateway.sendWhenThereIsRoom("patient");
            return null;
        });
        assertStillRunning(waiting, Duration.ofMillis(300));
        assertThat(full.receive(Duration.ZERO).getPayload()).isEqualTo("occupant");
        waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(full.receive(Duration.ZERO).getPayload()).isEqualTo("patient");
    }

    // ---- per-method timeouts fall back to the defaults ----

    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyTimeout = 0)
    interface Timeouts {
        String usesTheDefault(String payload);

        @Gateway(replyTimeout = MessagingGateway.UNBOUNDED)
        String waitsAsLongAsItTakes(String payload);
    }

    @Test
    void aMethodsReplyTimeoutWinsOverTheDefault() throws Exception {
        ChannelRegistry channels = new ChannelRegistry();
        QueueChannel requests = channels.register(new QueueChannel("requests"));
        Timeouts gateway = GatewayProxyFactory.builder(Timeouts.class).channelResolver(channels).create();

        assertThat(gateway.usesTheDefault("x")).as("a reply timeout of 0 does not wait").isNull();
        requests.clear();

        FutureTask<String> call = start(() -> gateway.waitsAsLongAsItTakes("y"));
        Message<?> request = requests.receive(PATIENCE);
        assertStillRunning(call, Duration.ofMillis(200));
        Flows.replyTo(request, "answer");
        assertThat(call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("answer");
    }

    @Test
    void timeoutsAreUnboundedUnlessConfigured() throws Exception {
        assertThat(MessagingGateway.class.getMethod("defaultReplyTimeout").getDefaultValue())
                .isEqualTo(MessagingGateway.UNBOUNDED);
        assertThat(MessagingGateway.class.getMethod("defaultRequestTimeout").getDefaultValue())
                .isEqualTo(MessagingGateway.UNBOUNDED);
        assertThat(Gateway.class.getMethod("replyTimeout").getDefaultValue()).isEqualTo(Gateway.NOT_SET);
        assertThat(Gateway.class.getMethod("requestTimeout").getDefaultValue()).isEqualTo(Gateway.NOT_SET);
    }

    // ---- helpers ----

    private void awaitRelease() {
        try {
            release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private <V> FutureTask<V> start(Callable<V> work) {
        FutureTask<V> task = new FutureTask<>(work);
        threads.execute(task);
        return task;
    }

    /** The call has not returned during the whole period: a lower bound, no upper one. */
    private static void assertStillRunning(FutureTask<?> call, Duration period) {
        await().during(period).atMost(period.plus(PATIENCE)).until(() -> !call.isDone());
    }
}
