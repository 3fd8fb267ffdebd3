package dev.junction.impl.interceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.PublishSubscribeChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.support.ChannelResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WireTapTest {

    private final List<Message<?>> handled = new ArrayList<>();

    private DirectChannel directWithHandler(String name, WireTap tap) {
        DirectChannel channel = DirectChannel.builder().name(name).interceptor(tap).build();
        channel.subscribe(handled::add);
        return channel;
    }

    private static List<Message<?>> drain(QueueChannel channel) {
        return channel.clear();
    }

    /** The payloads of the messages waiting in the channel, which is emptied. */
    private static List<Object> payloads(QueueChannel channel) {
        return payloads(channel.clear());
    }

    private static List<Object> payloads(List<Message<?>> messages) {
        return messages.stream().<Object>map(Message::getPayload).toList();
    }

    @Test
    void theTapChannelGetsTheMessageAndTheOriginalFlowContinuesUnchanged() {
        QueueChannel tapChannel = new QueueChannel("tap");
        DirectChannel in = directWithHandler("in", new WireTap(tapChannel));
        Message<String> message = Message.of("order-1");

        assertThat(in.send(message)).isTrue();

        assertThat(handled).containsExactly(message);
        assertThat(tapChannel.receive(Duration.ZERO)).isSameAs(message);
    }

    @Test
    void anAsynchronousConsumerOfTheTapChannelReceivesTheMessage() throws Exception {
        QueueChannel tapChannel = new QueueChannel("tap");
        PublishSubscribeChannel events = PublishSubscribeChannel.builder().name("events")
                .interceptor(new WireTap(tapChannel)).build();
        List<Object> subscribers = new ArrayList<>();
        events.subscribe(message -> subscribers.add("first:" + message.getPayload()));
        events.subscribe(message -> subscribers.add("second:" + message.getPayload()));
        ExecutorService consumer = Executors.newSingleThreadExecutor();
        try {
            var received = consumer.submit(() -> tapChannel.receive());

            events.send(Message.of("e"));

            assertThat(received.get().getPayload()).isEqualTo("e");
            assertThat(subscribers).containsExactly("first:e", "second:e");
        } finally {
            consumer.shutdownNow();
        }
    }

    @Test
    void aTapByNameIsResolvedOnFirstUseAndOnlyOnce() {
        Map<String, MessageChannel> channels = new HashMap<>();
        AtomicInteger resolutions = new AtomicInteger();
        ChannelResolver resolver = name -> {
            resolutions.incrementAndGet();
            MessageChannel channel = channels.get(name);
            if (channel == null) {
                throw new DestinationResolutionException(null, "no channel named '" + name + "'");
            }
            return channel;
        };
        WireTap tap = new WireTap("audit", resolver);
        DirectChannel in = directWithHandler("in", tap);
        assertThat(resolutions).as("not resolved when built").hasValue(0);

        QueueChannel audit = new QueueChannel("audit");
        channels.put("audit", audit);
        in.send(Message.of(1));
        in.send(Message.of(2));

        assertThat(resolutions).hasValue(1);
        assertThat(payloads(audit)).containsExactly(1, 2);
        assertThat(tap.getChannelName()).isEqualTo("audit");
    }

    @Test
    void anUnresolvableTapChannelFailsTheSendNamingTheChannel() {
        ChannelResolver nothing = name -> {
            throw new DestinationResolutionException(null, "no channel named '" + name + "'");
        };
        DirectChannel in = directWithHandler("in", WireTap.to("missing", nothing).build());
        Message<String> message = Message.of("x");

        assertThatThrownBy(() -> in.send(message))
                .isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("'missing'")
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
        assertThat(handled).isEmpty();
    }

    @Test
    void aSelectorDecidesWhichMessagesAreTapped() {
        QueueChannel tapChannel = new QueueChannel("tap");
        DirectChannel in = directWithHandler("in", new WireTap(tapChannel, m -> ((Integer) m.getPayload()) % 2 == 0));

        for (int i = 1; i <= 4; i++) {
            in.send(Message.of(i));
        }

        assertThat(handled).hasSize(4);
        assertThat(payloads(tapChannel)).containsExactly(2, 4);
    }

    @Test
    void anExpressionSelectorDecidesWhichMessagesAreTapped() {
        QueueChannel big = new QueueChannel("big");
        QueueChannel audited = new QueueChannel("audited");
        DirectChannel in = DirectChannel.builder().name("in")
                .interceptor(WireTap.to(big).selectorExpression("payload > 10").build())
                .interceptor(WireTap.to(audited).selector(new ExpressionParser().parse("headers['audit'] == true")).build())
                .build();
        in.subscribe(handled::add);

        in.send(Message.of(5));
        in.send(Message.of(50));
        in.send(MessageBuilder.withPayload(7).setHeader("audit", true).build());

        assertThat(handled).hasSize(3);
        assertThat(payloads(big)).containsExactly(50);
        assertThat(payloads(audited)).containsExactly(7);
    }

    @Test
    void aFailingSelectorExpressionFailsTheSendNamingTheExpressionAndTheTap() {
        QueueChannel big = new QueueChannel("big");
        QueueChannel audited = new QueueChannel("audited");
        DirectChannel bySize = directWithHandler("bySize",
                WireTap.to(big).selectorExpression("payload > 10").build());
        DirectChannel byAudit = directWithHandler("byAudit",
                WireTap.to(audited).selector(new ExpressionParser().parse("payload * 2 > 10")).build());
        Message<String> message = Message.of("large");

        assertThatThrownBy(() -> bySize.send(message))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("'payload > 10'")
                .hasMessageContaining("wire tap to 'big'")
                .satisfies(failure -> assertThat(((MessagingException) failure).getFailedMessage()).isSameAs(message));
        assertThatThrownBy(() -> byAudit.send(message))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("'payload * 2 > 10'")
                .hasMessageContaining("wire tap to 'audited'");
        assertThat(handled).isEmpty();
    }

    @Test
    void aGlobalWireTapForAllChannelsNeverTapsItsOwnChannel() {
        QueueChannel tapChannel = new QueueChannel("tap");
        WireTap tap = new WireTap(tapChannel);
        GlobalInterceptors globals = new GlobalInterceptors();
        DirectChannel in = new DirectChannel("in");
        in.subscribe(handled::add);
        globals.apply(in);
        globals.apply(tapChannel);

        globals.register(GlobalInterceptorRegistration.of(tap, "*", 0));

        assertThat(in.getInterceptors()).containsExactly(tap);
        assertThat(tapChannel.getInterceptors()).as("vetoed").isEmpty();
        in.send(Message.of("a"));
        tapChannel.send(Message.of("direct"));
        assertThat(payloads(tapChannel)).containsExactly("a", "direct");
    }

    @Test
    void theVetoAlsoWorksByNameBeforeALateTapChannelIsResolved() {
        WireTap tap = new WireTap("tap", name -> {
            throw new AssertionError("the veto must not resolve the channel");
        });

        assertThat(tap.shouldIntercept("tap", new QueueChannel("tap"))).isFalse();
        assertThat(tap.shouldIntercept("other", new QueueChannel("other"))).isTrue();
    }

    @Test
    void aTapAddedToItsOwnChannelAnywayDoesNotRecurse() {
        QueueChannel tapChannel = new QueueChannel("tap");
        tapChannel.addInterceptor(new WireTap(tapChannel));

        assertThat(tapChannel.send(Message.of("once"))).isTrue();

        assertThat(payloads(tapChannel)).containsExactly("once");
    }

    @Test
    void aGlobalWireTapCanTargetOneChannelByName() {
        QueueChannel tapChannel = new QueueChannel("tap");
        GlobalInterceptors globals = new GlobalInterceptors();
        globals.register(GlobalInterceptorRegistration.of(new WireTap(tapChannel), "orders", 3));
        List<DirectChannel> channels = List.of(new DirectChannel("orders"), new DirectChannel("ordersArchive"),
                new DirectChannel("invoices"));
        for (DirectChannel channel : channels) {
            channel.subscribe(handled::add);
            globals.apply(channel);
            channel.send(Message.of(channel.getName()));
        }

        assertThat(handled).hasSize(3);
        assertThat(payloads(tapChannel)).containsExactly("orders");
    }

    @Test
    void aStoppedTapLetsMessagesPassUntapped() {
        QueueChannel tapChannel = new QueueChannel("tap");
        WireTap tap = new WireTap(tapChannel);
        DirectChannel in = directWithHandler("in", tap);

        tap.stop();
        in.send(Message.of("untapped"));
        assertThat(tap.isRunning()).isFalse();
        tap.start();
        in.send(Message.of("tapped"));

        assertThat(handled).hasSize(2);
        assertThat(payloads(tapChannel)).containsExactly("tapped");
    }

    @Test
    void aFullTapChannelWithATimeoutDoesNotHoldUpTheOriginalSend() {
        QueueChannel full = new QueueChannel("full", 1);
        full.send(Message.of("already there"));
        DirectChannel in = directWithHandler("in", WireTap.to(full).timeout(Duration.ZERO).build());

        assertThat(in.send(Message.of("x"))).isTrue();

        assertThat(payloads(handled)).containsExactly("x");
        assertThat(payloads(full)).containsExactly("already there");
    }

    @Test
    void aNegativeTimeoutIsRefusedWhenTheTapIsBuilt() {
        assertThatThrownBy(() -> WireTap.to(new QueueChannel("audit")).timeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("JNC-0108")
                .hasMessageContaining("must not be negative");
    }

    @Test
    void aFailureOfTheTapChannelFailsTheOriginalSend() {
        DirectChannel failingTap = new DirectChannel("failingTap");
        failingTap.subscribe(message -> {
            throw new IllegalStateException("audit store down");
        });
        DirectChannel in = directWithHandler("in", new WireTap(failingTap));

        assertThatThrownBy(() -> in.send(Message.of("x"))).isInstanceOf(MessagingException.class)
                .hasStackTraceContaining("audit store down");
        assertThat(handled).as("the tap runs before the original send").isEmpty();
    }

    @Test
    void tappingFromManyThreads() throws Exception {
        QueueChannel tapChannel = new QueueChannel("tap");
        List<Message<?>> seen = new CopyOnWriteArrayList<>();
        DirectChannel in = DirectChannel.builder().name("in").interceptor(new WireTap(tapChannel)).build();
        in.subscribe(seen::add);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int payload = i;
                sends.add(senders.submit(() -> in.send(Message.of(payload))));
            }
            for (var send : sends) {
                send.get();
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(seen).hasSize(400);
        assertThat(drain(tapChannel)).hasSize(400);
    }

    @Test
    void describesItself() {
        assertThat(new WireTap(new QueueChannel("audit"))).hasToString("WireTap[to 'audit']");
        assertThat(WireTap.to(new QueueChannel("audit")).selectorExpression("payload > 1").build())
                .hasToString("WireTap[to 'audit', ExpressionSelector[payload > 1]]");
        assertThat(new WireTap(new QueueChannel("audit"))).isInstanceOf(VetoCapableInterceptor.class);
        InterceptableChannel any = new DirectChannel("x");
        assertThat(new WireTap(new QueueChannel("audit")).shouldIntercept("x", any)).isTrue();
    }
}
