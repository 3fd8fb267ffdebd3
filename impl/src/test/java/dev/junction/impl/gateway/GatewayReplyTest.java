package dev.junction.impl.gateway;

import static dev.junction.impl.gateway.Flows.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ExecutorChannel;
import dev.junction.impl.channel.PublishSubscribeChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.core.TemporaryReplyChannel;
import dev.junction.impl.testing.LogRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reply handling: temporary reply channels, explicit reply channels, return types, void and no-argument methods. */
class GatewayReplyTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final ExecutorService threads = Flows.daemonThreads("reply-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @MessagingGateway(defaultRequestChannel = "upper")
    interface Upper {
        String upper(String text);

        Message<?> upperMessage(String text);

        Object upperObject(String text);

        @Gateway(requestChannel = "length")
        int length(String text);

        @Gateway(requestChannel = "length")
        String lengthAsText(String text);
    }

    @Test
    void aDirectFlowRepliesThroughTheTemporaryReplyChannel() {
        DirectChannel upper = channels.register(new DirectChannel("upper"));
        AtomicReference<Message<?>> seen = new AtomicReference<>();
        upper.subscribe(request -> {
            seen.set(request);
            Flows.replyTo(request, request.getPayload().toString().toUpperCase());
        });
        channels.register(new DirectChannel("length")).subscribe(Flows.service(text -> ((String) text).length()));
        Upper gateway = GatewayProxyFactory.builder(Upper.class).channelResolver(channels).create();

        assertThat(gateway.upper("tea")).isEqualTo("TEA");
        assertThat(seen.get().getHeaders().getReplyChannel()).isInstanceOf(TemporaryReplyChannel.class)
                .isSameAs(seen.get().getHeaders().getErrorChannel());
        assertThat(((TemporaryReplyChannel) seen.get().getHeaders().getReplyChannel()).isClosed()).isTrue();
        Message<?> whole = gateway.upperMessage("tea");
        assertThat(whole.getPayload()).isEqualTo("TEA");
        assertThat(gateway.upperObject("tea")).isEqualTo("TEA");
        assertThat(gateway.length("four")).isEqualTo(4);
    }

    @Test
    void aReplyIsConvertedToTheReturnTypeThroughTheRegistry() {
        channels.register(new DirectChannel("upper"));
        channels.register(new DirectChannel("length")).subscribe(Flows.service(text -> ((String) text).length()));
        Upper converting = GatewayProxyFactory.builder(Upper.class).channelResolver(channels)
                .conversionRegistry(ConversionRegistry.builder().register(Integer.class, String.class, i -> "#" + i).build())
                .create();
        Upper plain = GatewayProxyFactory.builder(Upper.class).channelResolver(channels).create();

        assertThat(converting.lengthAsText("four")).isEqualTo("#4");
        assertThatThrownBy(() -> plain.lengthAsText("four")).isInstanceOf(MessagingException.class)
                .hasMessageContaining("Upper.lengthAsText(String)")
                .hasMessageContaining("java.lang.Integer, cannot be returned as java.lang.String");
    }

    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyTimeout = 20_000)
    interface Echo {
        String echo(String text);
    }

    @Test
    void aQueuedRequestIsAnsweredByAResponderThread() throws Exception {
        QueueChannel requests = channels.register(new QueueChannel("requests"));
        Future<?> responder = threads.submit(() -> Flows.replyTo(requests.receive(PATIENCE), "pong"));
        Echo gateway = GatewayProxyFactory.builder(Echo.class).channelResolver(channels).create();

        assertThat(gateway.echo("ping")).isEqualTo("pong");
        responder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void anExecutorChannelFlowRepliesFromItsThread() {
        ExecutorChannel requests = channels.register(ExecutorChannel.builder(threads).name("requests").build());
        requests.subscribe(Flows.service(text -> text + " from " + Thread.currentThread().getName()));
        Echo gateway = GatewayProxyFactory.builder(Echo.class).channelResolver(channels).create();

        assertThat(gateway.echo("hello")).startsWith("hello from reply-test-");
    }

    // ---- an explicit reply channel ----

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyChannel = "receipts")
    interface Orders {
        String order(String item);
    }

    @Test
    void aReplyOnAnExplicitReplyChannelReachesTheCallerAndTheOtherSubscribers() {
        PublishSubscribeChannel receipts = channels.register(new PublishSubscribeChannel("receipts"));
        List<Object> audited = new CopyOnWriteArrayList<>();
        receipts.subscribe(reply -> audited.add(reply.getPayload()));
        // the flow sends its reply to the reply channel as its output channel
        channels.register(new DirectChannel("orders")).subscribe(Flows.service(item -> "receipt for " + item, receipts));
        Orders gateway = GatewayProxyFactory.builder(Orders.class).channelResolver(channels).create();

        assertThat(receipts.getSubscriberCount()).as("the auditor and the gateway's bridge").isEqualTo(2);
        assertThat(gateway.order("tea")).isEqualTo("receipt for tea");
        assertThat(gateway.order("cake")).isEqualTo("receipt for cake");
        assertThat(audited).containsExactly("receipt for tea", "receipt for cake");

        assertThat(GatewayProxyFactory.close(gateway)).isTrue();
        assertThat(receipts.getSubscriberCount()).as("the bridge is unsubscribed").isEqualTo(1);
        assertThatThrownBy(() -> gateway.order("more")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aFlowReplyingThroughTheHeaderAlsoPassesTheExplicitReplyChannel() {
        PublishSubscribeChannel receipts = channels.register(new PublishSubscribeChannel("receipts"));
        List<Object> audited = new CopyOnWriteArrayList<>();
        receipts.subscribe(reply -> audited.add(reply.getPayload()));
        AtomicReference<Object> replyChannelHeader = new AtomicReference<>();
        channels.register(new DirectChannel("orders")).subscribe(request -> {
            replyChannelHeader.set(request.getHeaders().getReplyChannel());
            Flows.replyTo(request, "receipt for " + request.getPayload());
        });
        Orders gateway = GatewayProxyFactory.builder(Orders.class).channelResolver(channels).create();

        assertThat(gateway.order("tea")).isEqualTo("receipt for tea");
        assertThat(replyChannelHeader.get()).isSameAs(receipts);
        assertThat(audited).containsExactly("receipt for tea");
    }

    @Test
    void gatewaysSharingAReplyChannelEachReceiveTheirOwnRepliesOnce() throws Exception {
        PublishSubscribeChannel receipts = channels.register(new PublishSubscribeChannel("receipts"));
        channels.register(new ExecutorChannel("orders", threads)).subscribe(Flows.service(item -> "receipt for " + item, receipts));
        Orders first = GatewayProxyFactory.builder(Orders.class).channelResolver(channels).create();
        Orders second = GatewayProxyFactory.builder(Orders.class).channelResolver(channels).create();

        try (LogRecorder log = LogRecorder.of(TemporaryReplyChannel.class)) {
            List<Future<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                Orders gateway = i % 2 == 0 ? first : second;
                calls.add(threads.submit(() -> gateway.order("item " + n)));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("receipt for item " + i);
            }
            assertThat(log.records()).as("no reply was delivered twice or refused").isEmpty();
        }
    }

    // ---- void methods ----

    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyChannel = "replies", errorChannel = "errors")
    interface OneWay {
        void send(String payload);

        void sendWithOwnReplyChannel(String payload, @Header(MessageHeaders.REPLY_CHANNEL) String replyChannel);

        String ask(String payload, @Header(MessageHeaders.REPLY_CHANNEL) String replyChannel);
    }

    @Test
    void aVoidMethodSendsAndReturnsAndItsRepliesGoToTheReplyChannel() {
        QueueChannel requests = channels.register(new QueueChannel("requests"));
        PublishSubscribeChannel replies = channels.register(new PublishSubscribeChannel("replies"));
        QueueChannel errors = channels.register(new QueueChannel("errors"));
        OneWay gateway = GatewayProxyFactory.builder(OneWay.class).channelResolver(channels).create();

        gateway.send("fire");

        Message<?> request = requests.receive(Duration.ZERO);
        assertThat(request.getPayload()).isEqualTo("fire");
        assertThat(request.getHeaders().getReplyChannel()).isSameAs(replies);
        assertThat(request.getHeaders().getErrorChannel()).isSameAs(errors);

        gateway.sendWithOwnReplyChannel("fire", "elsewhere");
        assertThat(requests.receive(Duration.ZERO).getHeaders().getReplyChannel()).isEqualTo("elsewhere");
    }

    @Test
    void aMethodThatWaitsReplacesAReplyChannelTheCallerMapped() throws Exception {
        QueueChannel requests = channels.register(new QueueChannel("requests"));
        PublishSubscribeChannel replies = channels.register(new PublishSubscribeChannel("replies"));
        channels.register(new QueueChannel("errors"));
        OneWay gateway = GatewayProxyFactory.builder(OneWay.class).channelResolver(channels).create();
        Future<Object> seenReplyChannel = threads.submit(() -> {
            Message<?> request = requests.receive(PATIENCE);
            Flows.replyTo(request, "answer");
            return request.getHeaders().getReplyChannel();
        });

        assertThat(gateway.ask("question", "elsewhere")).isEqualTo("answer");
        assertThat(seenReplyChannel.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isSameAs(replies);
    }

    // ---- methods without arguments ----

    @MessagingGateway(defaultRequestChannel = "requests", defaultReplyTimeout = 0)
    interface NoArguments {
        @Gateway(replyChannel = "inbox", replyTimeout = 0)
        String next();

        @Gateway(replyChannel = "inbox", replyTimeout = 20_000)
        Message<?> nextMessage();

        @Payload("'status'")
        @Gateway(replyTimeout = MessagingGateway.UNBOUNDED)
        String status();

        @Payload("gatewayMethod.name")
        void ping();
    }

    @Test
    void aNoArgumentMethodReceivesFromThePollableReplyChannel() throws Exception {
        QueueChannel inbox = channels.register(new QueueChannel("inbox"));
        channels.register(new QueueChannel("requests"));
        NoArguments gateway = GatewayProxyFactory.builder(NoArguments.class).channelResolver(channels).create();

        assertThat(gateway.next()).as("nothing there, no wait").isNull();
        inbox.send(Message.of("first"));
        assertThat(gateway.next()).isEqualTo("first");

        Future<?> later = threads.submit(() -> inbox.send(Message.of("second")));
        assertThat(gateway.nextMessage().getPayload()).isEqualTo("second");
        later.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aNoArgumentMethodWithAPayloadExpressionSendsAndReceives() {
        DirectChannel requests = channels.register(new DirectChannel("requests"));
        channels.register(new QueueChannel("inbox"));
        List<Object> sent = new CopyOnWriteArrayList<>();
        requests.subscribe(request -> {
            sent.add(request.getPayload());
            if (request.getHeaders().getReplyChannel() != null) {
                Flows.replyTo(request, "ok: " + request.getPayload());
            }
        });
        NoArguments gateway = GatewayProxyFactory.builder(NoArguments.class).channelResolver(channels).create();

        assertThat(gateway.status()).isEqualTo("ok: status");
        gateway.ping();
        assertThat(sent).containsExactly("status", "ping");
    }

    // ---- defaults, overrides, Object and default methods ----

    @MessagingGateway(name = "cafe", defaultRequestChannel = "a")
    interface Overrides {
        String viaDefault(String payload);

        @Gateway(requestChannel = "b")
        String viaMethod(String payload);

        default String twice(String payload) {
            return viaDefault(payload) + viaDefault(payload);
        }
    }

    @Test
    void methodSettingsWinOverDefaultsAndTheBuilderOverridesTheAnnotation() {
        channels.register(new DirectChannel("a")).subscribe(Flows.service(p -> "a:" + p));
        channels.register(new DirectChannel("b")).subscribe(Flows.service(p -> "b:" + p));
        DirectChannel c = new DirectChannel("c");
        c.subscribe(Flows.service(p -> "c:" + p));

        Overrides annotated = GatewayProxyFactory.builder(Overrides.class).channelResolver(channels).create();
        assertThat(annotated.viaDefault("x")).isEqualTo("a:x");
        assertThat(annotated.viaMethod("x")).isEqualTo("b:x");

        Overrides overridden = GatewayProxyFactory.builder(Overrides.class).channelResolver(channels)
                .defaultRequestChannel(c).name("other").create();
        assertThat(overridden.viaDefault("x")).isEqualTo("c:x");
        assertThat(overridden.viaMethod("x")).as("the method's own setting still wins").isEqualTo("b:x");
    }

    @Test
    void defaultMethodsRunAsWrittenAndObjectMethodsDescribeTheProxy() {
        channels.register(new DirectChannel("a")).subscribe(Flows.service(p -> "a:" + p));
        channels.register(new DirectChannel("b"));
        Overrides gateway = GatewayProxyFactory.builder(Overrides.class).channelResolver(channels).create();
        Overrides another = GatewayProxyFactory.builder(Overrides.class).channelResolver(channels).create();

        assertThat(gateway.twice("x")).isEqualTo("a:xa:x");
        assertThat(gateway.toString()).isEqualTo("Gateway 'cafe' (" + Overrides.class.getName() + ")");
        assertThat(gateway).isEqualTo(gateway).isNotEqualTo(another);
        assertThat(gateway.hashCode()).isEqualTo(System.identityHashCode(gateway));
        assertThat(GatewayProxyFactory.isGateway(gateway)).isTrue();
        assertThat(GatewayProxyFactory.isGateway("text")).isFalse();
        assertThat(GatewayProxyFactory.close("text")).isFalse();
    }

    interface Plain {
        String call(String payload);
    }

    interface Closeable extends AutoCloseable {
        String call(String payload);
    }

    @Test
    void anInterfaceExtendingAutoCloseableClosesTheGateway() throws Exception {
        PublishSubscribeChannel replies = channels.register(new PublishSubscribeChannel("replies"));
        DirectChannel requests = new DirectChannel("requests");
        Closeable gateway = GatewayProxyFactory.builder(Closeable.class).defaultRequestChannel(requests)
                .defaultReplyChannel(replies).create();
        assertThat(replies.getSubscriberCount()).isEqualTo(1);

        try (gateway) {
            assertThat(GatewayProxyFactory.isGateway(gateway)).isTrue();
        }

        assertThat(replies.getSubscriberCount()).isZero();
        assertThatThrownBy(() -> gateway.call("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPlainInterfaceIsConfiguredThroughTheBuilder() {
        DirectChannel requests = new DirectChannel("requests");
        requests.subscribe(request -> Flows.replyTo(request, MessageBuilder.withPayload("done").build().getPayload()));

        Plain gateway = GatewayProxyFactory.builder(Plain.class).defaultRequestChannel(requests)
                .defaultReplyTimeout(Duration.ofSeconds(20)).create();

        assertThat(gateway.call("x")).isEqualTo("done");
        assertThat(gateway.toString()).contains("'Plain'");
    }

    @Test
    void theLateReplyLogIsAtDebug() {
        // a reply arriving after the caller gave up is logged quietly: the caller has seen its timeout already
        QueueChannel requests = channels.register(new QueueChannel("requests"));
        Echo gateway = GatewayProxyFactory.builder(Echo.class).channelResolver(channels)
                .defaultReplyTimeout(Duration.ZERO).create();
        try (LogRecorder log = LogRecorder.of(TemporaryReplyChannel.class)) {
            assertThat(gateway.echo("x")).isNull();
            assertThat(Flows.replyTo(requests.receive(Duration.ZERO), "late")).isFalse();
            assertThat(log.at(Level.FINE)).singleElement()
                    .satisfies(record -> assertThat(record.getMessage()).contains("Late reply refused"));
        }
    }
}
