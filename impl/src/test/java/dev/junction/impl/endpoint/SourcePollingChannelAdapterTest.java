package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.api.source.AcknowledgmentCallback.Status;
import dev.junction.api.source.AcknowledgmentCallback;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import dev.junction.impl.source.RecordingAcknowledgmentCallback;
import dev.junction.impl.source.SupplierMessageSource;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbound channel adapter: one message per poll by default, nothing for null, deferred acknowledgment. */
class SourcePollingChannelAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final PollCounter polls = new PollCounter();

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    private record Delivery(Object payload, int poll) {
    }

    private PollerSpec fastPoller() {
        return PollerSpec.fixedDelay(Duration.ofMillis(5)).advice(polls);
    }

    /** A direct output channel, so that each delivery is seen inside the poll that made it. */
    private List<Delivery> deliveriesOn(String channelName) {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        channels.register(new DirectChannel(channelName))
                .subscribe(message -> deliveries.add(new Delivery(message.getPayload(), polls.current())));
        return deliveries;
    }

    private static MessageSource<Object> endless() {
        AtomicInteger next = new AtomicInteger();
        return new SupplierMessageSource(next::incrementAndGet);
    }

    @Test
    void byDefaultEachPollSendsOneMessage() {
        List<Delivery> deliveries = deliveriesOn("out");
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("adapter", endless(), "out",
                fastPoller().build(), null, true);

        endpoints.startAll();

        await().atMost(WAIT).until(() -> deliveries.size() >= 3);
        assertThat(adapter.getPoller().maxMessagesPerPoll()).isNull();
        assertThat(SourcePollingChannelAdapter.DEFAULT_MAX_MESSAGES_PER_POLL).isEqualTo(1);
        assertThat(List.copyOf(deliveries).subList(0, 3)).containsExactly(new Delivery(1, 1), new Delivery(2, 2),
                new Delivery(3, 3));
    }

    @Test
    void maxMessagesPerPollLetsOnePollCallTheSourceSeveralTimesUntilItReturnsNull() throws Exception {
        List<Delivery> deliveries = deliveriesOn("out");
        Queue<Object> available = new ConcurrentLinkedQueue<>(List.of("a", "b", "c", "d", "e"));
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("adapter",
                new SupplierMessageSource(available::poll), "out",
                fastPoller().maxMessagesPerPoll(3).build(), null, false);

        assertThat(adapter.pollNow()).isTrue();
        assertThat(adapter.pollNow()).isTrue();
        assertThat(adapter.pollNow()).isFalse();

        assertThat(deliveries).containsExactly(new Delivery("a", 1), new Delivery("b", 1), new Delivery("c", 1),
                new Delivery("d", 2), new Delivery("e", 2));
    }

    @Test
    void aSourceReturningNullSendsNothing() {
        QueueChannel out = channels.register(new QueueChannel("out"));
        AtomicInteger calls = new AtomicInteger();
        endpoints.inboundAdapter("idle", new SupplierMessageSource(() -> {
            calls.incrementAndGet();
            return null;
        }), "out", fastPoller().build(), null, true);

        endpoints.startAll();

        await().atMost(WAIT).until(() -> calls.get() >= 3);
        assertThat(out.getQueueSize()).isZero();
    }

    @Test
    void aSupplierResultBecomesThePayloadAndAMessageResultIsSentAsItIs() throws Exception {
        QueueChannel out = channels.register(new QueueChannel("out"));
        Message<String> ready = Message.of("ready-made");
        Queue<Object> results = new ConcurrentLinkedQueue<>(List.of("plain", ready));
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("adapter",
                new SupplierMessageSource(results::poll), "out", fastPoller().build(), null, false);

        adapter.pollNow();
        adapter.pollNow();

        assertThat(out.receive(Duration.ZERO).getPayload()).isEqualTo("plain");
        assertThat(out.receive(Duration.ZERO)).isSameAs(ready);
    }

    @Test
    void aCronPollerPollsOnItsSchedule() {
        AtomicInteger calls = new AtomicInteger();
        endpoints.inboundAdapter("everySecond", new SupplierMessageSource(() -> {
            calls.incrementAndGet();
            return null;
        }), "out", PollerSpec.cron("* * * * * *").build(), null, true);

        endpoints.startAll();

        await().atMost(WAIT).until(() -> calls.get() >= 2);
    }

    @Test
    void aMessageTheOutputChannelDoesNotTakeInTimeIsAFailureNamingTheAdapter() {
        QueueChannel full = channels.register(new QueueChannel("full", 1));
        full.send(Message.of("already there"));
        QueueChannel errors = new QueueChannel("errors");
        endpoints.inboundAdapter("blocked", endless(), "full",
                fastPoller().errorChannel(errors).build(), Duration.ofMillis(10), true);

        endpoints.startAll();

        Message<?> error = errors.receive(WAIT);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("'blocked'").hasMessageContaining("'full'");
        assertThat(((ErrorMessage) error).getOriginalMessage()).isPresent();
    }

    // deferred acknowledgment

    /** A source that hands out the given messages, then nothing. */
    private static MessageSource<Object> sourceOf(Message<Object> message) {
        Queue<Message<Object>> pending = new ConcurrentLinkedQueue<>(List.of(message));
        return pending::poll;
    }

    private SourcePollingChannelAdapter adapterWithFlow(Message<Object> message, MessageHandler flow,
            QueueChannel errors, boolean autoStartup) {
        channels.register(new DirectChannel("flow")).subscribe(flow);
        return endpoints.inboundAdapter("acking", sourceOf(message), "flow",
                fastPoller().errorChannel(errors).build(), null, autoStartup);
    }

    @Test
    void aMessageIsAcceptedAfterTheFlowReturns() {
        Message<Object> message = RecordingAcknowledgmentCallback.messageWithCallback("work");
        RecordingAcknowledgmentCallback callback = RecordingAcknowledgmentCallback.of(message);
        List<Boolean> acknowledgedDuringFlow = new CopyOnWriteArrayList<>();
        adapterWithFlow(message, received -> acknowledgedDuringFlow.add(callback.isAcknowledged()),
                new QueueChannel("errors"), true);

        endpoints.startAll();

        await().atMost(WAIT).until(callback::isAcknowledged);
        assertThat(acknowledgedDuringFlow).containsExactly(false);
        assertThat(callback.settlements()).containsExactly(Status.ACCEPT);
    }

    @Test
    void aMessageAReceiveAdviceDropsIsAcceptedSoTheSourceDoesNotKeepItUnsettled() throws Exception {
        Message<Object> message = RecordingAcknowledgmentCallback.messageWithCallback("filtered out");
        RecordingAcknowledgmentCallback callback = RecordingAcknowledgmentCallback.of(message);
        List<Object> sent = new CopyOnWriteArrayList<>();
        channels.register(new DirectChannel("kept")).subscribe(received -> sent.add(received.getPayload()));
        ReceiveMessageAdvice dropAll = new ReceiveMessageAdvice() {
            @Override
            public Message<?> afterReceive(Message<?> result, Object source) {
                return null;
            }
        };
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("dropping", () -> message, "kept",
                PollerSpec.fixedDelay(Duration.ofMillis(5)).receiveAdvice(dropAll).build(), null, false);

        assertThat(adapter.pollNow()).isFalse();

        assertThat(sent).isEmpty();
        assertThat(callback.settlements()).containsExactly(Status.ACCEPT);
    }

    @Test
    void aMessageIsRejectedWhenTheFlowThrowsAndTheFailureStillReachesTheErrorChannel() {
        Message<Object> message = RecordingAcknowledgmentCallback.messageWithCallback("poison");
        RecordingAcknowledgmentCallback callback = RecordingAcknowledgmentCallback.of(message);
        QueueChannel errors = new QueueChannel("errors");
        adapterWithFlow(message, received -> {
            throw new IllegalArgumentException("cannot process");
        }, errors, true);

        endpoints.startAll();

        Message<?> error = errors.receive(WAIT);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).hasRootCauseMessage("cannot process");
        assertThat(callback.settlements()).containsExactly(Status.REJECT);
    }

    @Test
    void aMessageTheFlowSettledItselfIsLeftAlone() {
        Message<Object> message = RecordingAcknowledgmentCallback.messageWithCallback("try later");
        RecordingAcknowledgmentCallback callback = RecordingAcknowledgmentCallback.of(message);
        AtomicInteger flowRuns = new AtomicInteger();
        adapterWithFlow(message, received -> {
            RecordingAcknowledgmentCallback.of(received).acknowledge(Status.REQUEUE);
            flowRuns.incrementAndGet();
        }, new QueueChannel("errors"), true);

        endpoints.startAll();

        await().atMost(WAIT).until(() -> flowRuns.get() == 1 && polls.finished() >= 2);
        assertThat(callback.settlements()).containsExactly(Status.REQUEUE);
    }

    @Test
    void aMessageIsLeftAloneWhenTheFlowTurnedAutomaticSettlingOffEvenIfItThrows() throws Exception {
        Message<Object> message = RecordingAcknowledgmentCallback.messageWithCallback("handed off");
        RecordingAcknowledgmentCallback callback = RecordingAcknowledgmentCallback.of(message);
        SourcePollingChannelAdapter adapter = adapterWithFlow(message, received -> {
            ((AcknowledgmentCallback) received.getHeaders().get(AcknowledgmentCallback.HEADER)).noAutoAck();
            throw new IllegalStateException("after the hand-off");
        }, new QueueChannel("errors"), false);

        assertThatThrownBy(adapter::pollNow).isInstanceOf(MessageHandlingException.class)
                .hasRootCauseMessage("after the hand-off");

        assertThat(callback.isAutoAck()).isFalse();
        assertThat(callback.settlements()).isEmpty();
    }

    @Test
    void aMessageWhoseFlowTurnedAutomaticSettlingOffIsNotAccepted() throws Exception {
        Message<Object> message = RecordingAcknowledgmentCallback.messageWithCallback("handed off");
        RecordingAcknowledgmentCallback callback = RecordingAcknowledgmentCallback.of(message);
        SourcePollingChannelAdapter adapter = adapterWithFlow(message,
                received -> RecordingAcknowledgmentCallback.of(received).noAutoAck(), new QueueChannel("errors"), false);

        assertThat(adapter.pollNow()).isTrue();

        assertThat(callback.settlements()).isEmpty();
        callback.acknowledge(Status.ACCEPT); // later, by whoever holds the message
        assertThat(callback.settlements()).containsExactly(Status.ACCEPT);
    }
}
