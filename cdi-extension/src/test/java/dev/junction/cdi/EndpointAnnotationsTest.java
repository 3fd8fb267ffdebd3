package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.BridgeFrom;
import dev.junction.api.annotation.BridgeTo;
import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.Router;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.annotation.Transformer;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.endpoint.SourcePollingChannelAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each endpoint annotation on a CDI bean method becomes a working endpoint; bridges on channel producers. */
class EndpointAnnotationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ApplicationScoped
    public static class Flow {
        @Transformer(inputChannel = "toUpper", outputChannel = "upper")
        public String upper(String text) {
            return text.toUpperCase();
        }

        @Filter(inputChannel = "filterIn", outputChannel = "accepted", discardChannel = "discarded")
        public boolean isShort(String text) {
            return text.length() < 5;
        }

        @Filter(inputChannel = "strictIn", outputChannel = "accepted", throwExceptionOnRejection = true)
        public Boolean isShortOrFail(String text) {
            return text.length() < 5;
        }

        @Router(inputChannel = "routeIn", defaultOutputChannel = "unrouted", channelMappings = "HOT=hotDrinks")
        public String route(String drink) {
            if (drink.startsWith("hot")) {
                return "HOT"; // a mapping key
            }
            return drink.startsWith("cold") ? "coldDrinks" : null; // a channel name, or nothing
        }
    }

    @ApplicationScoped
    public static class Ticker {
        private final AtomicInteger calls = new AtomicInteger();

        int calls() {
            return calls.get();
        }

        /** Every second call has nothing to say: null sends no message. */
        @InboundChannelAdapter(channel = "ticks", id = "ticker")
        @Poller(fixedDelay = 5)
        public String tick() {
            int call = calls.incrementAndGet();
            return call % 2 == 0 ? null : "tick " + call;
        }
    }

    @Dependent
    public static class Channels {
        @Produces @ApplicationScoped @Channel("upper")
        PollableChannel upper() {
            return MessageChannels.queue("upper");
        }

        @Produces @ApplicationScoped @Channel("accepted")
        PollableChannel accepted() {
            return MessageChannels.queue("accepted");
        }

        @Produces @ApplicationScoped @Channel("discarded")
        PollableChannel discarded() {
            return MessageChannels.queue("discarded");
        }

        @Produces @ApplicationScoped @Channel("hotDrinks")
        PollableChannel hotDrinks() {
            return MessageChannels.queue("hotDrinks");
        }

        @Produces @ApplicationScoped @Channel("coldDrinks")
        PollableChannel coldDrinks() {
            return MessageChannels.queue("coldDrinks");
        }

        @Produces @ApplicationScoped @Channel("unrouted")
        PollableChannel unrouted() {
            return MessageChannels.queue("unrouted");
        }

        @Produces @ApplicationScoped @Channel("ticks")
        PollableChannel ticks() {
            return MessageChannels.queue("ticks");
        }
    }

    /** The two classic bridge examples (polled queue to direct channel), and the reverse direction. */
    @Dependent
    public static class Bridges {
        @Produces @ApplicationScoped @Channel("polled")
        PollableChannel polled() {
            return MessageChannels.queue("polled");
        }

        /** Queue → direct, declared on the direct channel. */
        @Produces @ApplicationScoped @Channel("direct")
        @BridgeFrom("polled")
        @Poller(fixedDelay = 5, maxMessagesPerPoll = 10, receiveTimeout = 10)
        SubscribableChannel direct() {
            return MessageChannels.direct("direct");
        }

        /** Queue → direct, declared on the queue channel. */
        @Produces @ApplicationScoped @Channel("polledTo")
        @BridgeTo("directTo")
        @Poller(fixedDelay = 5, maxMessagesPerPoll = 10, receiveTimeout = 10)
        PollableChannel polledTo() {
            return MessageChannels.queue("polledTo");
        }

        /** Direct → queue, declared on the queue channel: no poller, the sender's thread delivers. */
        @Produces @ApplicationScoped @Channel("queueFrom")
        @BridgeFrom("directSource")
        PollableChannel queueFrom() {
            return MessageChannels.queue("queueFrom");
        }

        /** Direct → queue, declared on the direct channel. */
        @Produces @ApplicationScoped @Channel("directFrom")
        @BridgeTo("queueTo")
        SubscribableChannel directFrom() {
            return MessageChannels.direct("directFrom");
        }

        @Produces @ApplicationScoped @Channel("queueTo")
        PollableChannel queueTo() {
            return MessageChannels.queue("queueTo");
        }

        /** Both on one queue: direct "middleIn" → queue "middle" → (polled) direct "middleOut". */
        @Produces @ApplicationScoped @Channel("middle")
        @BridgeFrom("middleIn")
        @BridgeTo("middleOut")
        @Poller(fixedDelay = 5, receiveTimeout = 10)
        PollableChannel middle() {
            return MessageChannels.queue("middle");
        }
    }

    /** Records what arrives on the direct channels the bridges feed. */
    @ApplicationScoped
    public static class Sink {
        private final List<String> received = new CopyOnWriteArrayList<>();

        List<String> received() {
            return List.copyOf(received);
        }

        @ServiceActivator(inputChannel = "direct")
        public void fromDirect(String payload) {
            received.add("direct:" + payload);
        }

        @ServiceActivator(inputChannel = "directTo")
        public void fromDirectTo(String payload) {
            received.add("directTo:" + payload);
        }

        @ServiceActivator(inputChannel = "middleOut")
        public void fromMiddle(String payload) {
            received.add("middleOut:" + payload);
        }
    }

    /** An intercepted bean: the transformer and filter run through its contextual reference. */
    @InterceptorAndScopeTest.Audited
    @ApplicationScoped
    public static class AuditedFlow {
        @Transformer(inputChannel = "auditIn", outputChannel = "auditFiltered")
        public String shout(String text) {
            return text.toUpperCase();
        }

        @Filter(inputChannel = "auditFiltered", outputChannel = "nullChannel")
        public boolean keep(String text) {
            return true;
        }
    }

    private WeldContainer container;

    @BeforeEach
    void start() {
        container = Containers.start("endpoint-annotations", Flow.class, Ticker.class, Channels.class, Bridges.class,
                Sink.class);
    }

    @AfterEach
    void stop() {
        container.shutdown();
    }

    @Test
    void transformerReplacesThePayloadAndKeepsHeaders() {
        channel("toUpper").send(MessageBuilder.withPayload("latte").setHeader("table", 4).build());

        Message<?> upper = queue("upper").receive(Duration.ZERO); // a direct flow: already there
        assertThat(upper.getPayload()).isEqualTo("LATTE");
        assertThat(upper.getHeaders().get("table")).isEqualTo(4);
    }

    @Test
    void filterPassesAcceptedMessagesAndDiscardsRejectedOnes() {
        channel("filterIn").send(Message.of("tea"));
        channel("filterIn").send(Message.of("espresso"));

        assertThat(queue("accepted").receive(Duration.ZERO).getPayload()).isEqualTo("tea");
        assertThat(queue("accepted").receive(Duration.ZERO)).isNull();
        assertThat(queue("discarded").receive(Duration.ZERO).getPayload()).isEqualTo("espresso");
    }

    @Test
    void filterThrowsOnRejectionWhenAskedTo() {
        channel("strictIn").send(Message.of("tea"));
        assertThat(queue("accepted").receive(Duration.ZERO).getPayload()).isEqualTo("tea");

        assertThatThrownBy(() -> channel("strictIn").send(Message.of("espresso")))
                .satisfies(failure -> assertThat(causes(failure)).anyMatch(MessageRejectedException.class::isInstance));
        assertThat(queue("accepted").receive(Duration.ZERO)).isNull();
    }

    @Test
    void routerRoutesByMappingByChannelNameAndToTheDefaultOutput() {
        channel("routeIn").send(Message.of("hot chocolate"));
        channel("routeIn").send(Message.of("cold brew"));
        channel("routeIn").send(Message.of("water"));

        assertThat(queue("hotDrinks").receive(Duration.ZERO).getPayload()).isEqualTo("hot chocolate");
        assertThat(queue("coldDrinks").receive(Duration.ZERO).getPayload()).isEqualTo("cold brew");
        assertThat(queue("unrouted").receive(Duration.ZERO).getPayload()).isEqualTo("water");
    }

    @Test
    void inboundAdapterIsPolledIntoItsChannelAndNullSendsNothing() {
        Ticker ticker = container.select(Ticker.class).get();
        Junction runtime = container.select(Junction.class).get();
        assertThat(runtime.endpoint("ticker")).get().isInstanceOf(SourcePollingChannelAdapter.class);

        await().atMost(PATIENCE).until(() -> ticker.calls() >= 4);

        List<Object> payloads = new ArrayList<>();
        for (Message<?> tick = queue("ticks").receive(Duration.ZERO); tick != null;
                tick = queue("ticks").receive(Duration.ZERO)) {
            payloads.add(tick.getPayload());
        }
        assertThat(payloads).startsWith("tick 1", "tick 3")
                .allSatisfy(payload -> assertThat(Integer.parseInt(payload.toString().substring(5)) % 2).isEqualTo(1));
    }

    @Test
    void bridgesFromPolledQueueChannelsToDirectChannels() {
        Sink sink = container.select(Sink.class).get();

        queue("polled").send(Message.of("a"));
        queue("polledTo").send(Message.of("b"));

        await().atMost(PATIENCE).until(() -> sink.received().containsAll(List.of("direct:a", "directTo:b")));
    }

    @Test
    void bridgesFromDirectChannelsToQueueChannels() {
        channel("directSource").send(Message.of("c"));
        channel("directFrom").send(Message.of("d"));

        assertThat(queue("queueFrom").receive(Duration.ZERO).getPayload()).isEqualTo("c");
        assertThat(queue("queueTo").receive(Duration.ZERO).getPayload()).isEqualTo("d");
    }

    @Test
    void bothBridgesOnOneProducerShareItsPollerOnThePollableSide() {
        Sink sink = container.select(Sink.class).get();

        channel("middleIn").send(Message.of("e"));

        await().atMost(PATIENCE).until(() -> sink.received().contains("middleOut:e"));
    }

    @Test
    void methodsRunOnTheContextualReferenceSoInterceptorsApply() {
        WeldContainer audited = Containers.start("endpoint-annotations-audited",
                InterceptorAndScopeTest.AuditInterceptor.class, InterceptorAndScopeTest.AuditLog.class,
                AuditedFlow.class);
        try {
            audited.select(MessageChannel.class, Channel.Literal.of("auditIn")).get().send(Message.of("hi"));

            assertThat(audited.select(InterceptorAndScopeTest.AuditLog.class).get().entries())
                    .containsExactly("shouthi", "keepHI");
        } finally {
            audited.shutdown();
        }
    }

    private MessageChannel channel(String name) {
        return container.select(MessageChannel.class, Channel.Literal.of(name)).get();
    }

    private PollableChannel queue(String name) {
        return container.select(PollableChannel.class, Channel.Literal.of(name)).get();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
