package dev.junction.impl.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.message.Message;
import dev.junction.api.poller.CompoundTriggerAdvice;
import dev.junction.api.poller.PollSkipAdvice;
import dev.junction.api.poller.PollSkipStrategy;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.SimpleActiveIdleReceiveMessageAdvice;
import dev.junction.api.poller.SimplePollSkipStrategy;
import dev.junction.api.trigger.CompoundTrigger;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import dev.junction.api.trigger.PeriodicTrigger;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.endpoint.EndpointRegistry;
import dev.junction.impl.endpoint.PollCounter;
import dev.junction.impl.endpoint.SourcePollingChannelAdapter;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import dev.junction.impl.source.SupplierMessageSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Smart" polling: active/idle periods, a compound trigger's override, and skipping polls. */
class SmartPollingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final QueueChannel out = channels.register(new QueueChannel("out"));

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    /** A source yielding a message on the first {@code messages} calls and nothing after them. */
    private static Supplier<Object> firstCallsYield(int messages, AtomicInteger calls, Runnable onEachCall) {
        return () -> {
            onEachCall.run();
            int call = calls.incrementAndGet();
            return call <= messages ? "message " + call : null;
        };
    }

    private SourcePollingChannelAdapter adapter(Supplier<Object> supplier, PollerMetadata poller) {
        return endpoints.inboundAdapter("adapter", new SupplierMessageSource(supplier), "out", poller, null, true);
    }

    @Test
    void activeIdleAdviceShortensThePeriodWhileMessagesComeAndLengthensItWhenNoneCome() {
        Duration initial = Duration.ofMillis(20);
        Duration active = Duration.ofMillis(5);
        Duration idle = Duration.ofHours(1);
        DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(initial);
        List<Duration> periodAtEachCall = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        adapter(firstCallsYield(3, calls, () -> periodAtEachCall.add(trigger.period())), PollerSpec.trigger(trigger)
                .receiveAdvice(new SimpleActiveIdleReceiveMessageAdvice(trigger, active, idle)).build());

        endpoints.startAll();

        await().atMost(WAIT).until(() -> calls.get() == 4 && trigger.period().equals(idle));
        // each call sees the period the previous receive chose; the fourth receive found nothing
        assertThat(periodAtEachCall).containsExactly(initial, active, active, active);
        assertThat(out.getQueueSize()).isEqualTo(3);
    }

    @Test
    void activeIdleAdviceRefusesNonPositivePeriods() {
        DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(Duration.ofSeconds(1));

        assertThatThrownBy(() -> new SimpleActiveIdleReceiveMessageAdvice(trigger, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activePeriod");
        assertThatThrownBy(() -> new SimpleActiveIdleReceiveMessageAdvice(trigger, Duration.ofSeconds(1),
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idlePeriod");
    }

    @Test
    void activeIdleAdviceReturnsTheResultUnchanged() {
        DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(Duration.ofSeconds(1));
        SimpleActiveIdleReceiveMessageAdvice advice = new SimpleActiveIdleReceiveMessageAdvice(trigger,
                Duration.ofMillis(10), Duration.ofSeconds(30));
        Message<String> message = Message.of("m");

        assertThat(advice.beforeReceive(this)).isTrue();
        assertThat(advice.afterReceive(message, this)).isSameAs(message);
        assertThat(trigger.period()).isEqualTo(Duration.ofMillis(10));
        assertThat(advice.afterReceive(null, this)).isNull();
        assertThat(trigger.period()).isEqualTo(Duration.ofSeconds(30));
    }

    /**
     * The classic example, shortened: a slow primary schedule (here hourly, first run at once) handed over to a fast
     * secondary while the source is empty, and taken back as soon as a message comes.
     */
    @Test
    void compoundTriggerAdviceUsesTheOverrideWhileNothingComesAndThePrimaryAgainAfterAMessage() {
        CompoundTrigger trigger = new CompoundTrigger(PeriodicTrigger.fixedDelay(Duration.ofHours(1)));
        PeriodicTrigger override = PeriodicTrigger.fixedDelay(Duration.ofMillis(5));
        List<Boolean> overriddenAtEachCall = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        PollCounter polls = new PollCounter();
        adapter(() -> {
            overriddenAtEachCall.add(trigger.secondary().isPresent());
            return calls.incrementAndGet() == 3 ? "finally" : null;
        }, PollerSpec.trigger(trigger).advice(polls).receiveAdvice(new CompoundTriggerAdvice(trigger, override))
                .build());

        endpoints.startAll();

        await().atMost(WAIT).until(() -> polls.finished() == 3);
        // call 1 on the primary found nothing: the override polled twice more until a message came
        assertThat(overriddenAtEachCall).containsExactly(false, true, true);
        assertThat(trigger.secondary()).isEmpty();
        assertThat(out.receive(Duration.ZERO).getPayload()).isEqualTo("finally");
    }

    @Test
    void compoundTriggerAdviceSwitchesOnEachResult() {
        CompoundTrigger trigger = new CompoundTrigger(PeriodicTrigger.fixedDelay(Duration.ofHours(1)));
        PeriodicTrigger override = PeriodicTrigger.fixedDelay(Duration.ofMinutes(1));
        CompoundTriggerAdvice advice = new CompoundTriggerAdvice(trigger, override);
        Message<String> message = Message.of("m");

        assertThat(advice.afterReceive(null, this)).isNull();
        assertThat(trigger.secondary()).containsSame(override);
        assertThat(advice.afterReceive(message, this)).isSameAs(message);
        assertThat(trigger.secondary()).isEmpty();
    }

    @Test
    void pollSkipAdviceSkipsWholePollsUntilTheStrategyIsReset() {
        SimplePollSkipStrategy strategy = new SimplePollSkipStrategy();
        strategy.skipPolls();
        PollCounter polls = new PollCounter();
        AtomicInteger sourceCalls = new AtomicInteger();
        adapter(() -> {
            sourceCalls.incrementAndGet();
            return null;
        }, PollerSpec.fixedDelay(Duration.ofMillis(5)).advice(polls, new PollSkipAdvice(strategy)).build());

        endpoints.startAll();

        // the trigger keeps firing, but no poll gets past the skip advice
        await().atMost(WAIT).until(() -> polls.finished() >= 5);
        assertThat(sourceCalls.get()).isZero();
        assertThat(strategy.skipPoll()).isTrue();

        strategy.reset();

        await().atMost(WAIT).until(() -> sourceCalls.get() >= 2);
        assertThat(strategy.skipPoll()).isFalse();
    }

    @Test
    void pollSkipAdviceReportsASkippedPollAsEmpty() throws Exception {
        SimplePollSkipStrategy strategy = new SimplePollSkipStrategy();
        AtomicInteger next = new AtomicInteger();
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("manual",
                new SupplierMessageSource(next::incrementAndGet), "out",
                PollerSpec.fixedDelay(Duration.ofHours(1)).advice(new PollSkipAdvice(strategy)).build(), null, false);

        assertThat(adapter.pollNow()).isTrue();
        strategy.skipPolls();
        assertThat(adapter.pollNow()).isFalse();
        assertThat(adapter.pollNow()).isFalse();
        strategy.reset();
        assertThat(adapter.pollNow()).isTrue();

        assertThat(next.get()).isEqualTo(2);
        assertThat(out.getQueueSize()).isEqualTo(2);
    }

    @Test
    void anyConditionCanDecideWhetherToSkip() throws Exception {
        QueueChannel downstream = new QueueChannel("downstream", 2);
        PollSkipStrategy whileDownstreamIsFull = () -> downstream.getRemainingCapacity() == 0;
        AtomicInteger next = new AtomicInteger();
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("throttled",
                new SupplierMessageSource(next::incrementAndGet), "out",
                PollerSpec.fixedDelay(Duration.ofHours(1)).advice(new PollSkipAdvice(whileDownstreamIsFull)).build(),
                null, false);

        downstream.send(Message.of("a"));
        assertThat(adapter.pollNow()).isTrue();
        downstream.send(Message.of("b"));
        assertThat(adapter.pollNow()).isFalse();

        assertThat(next.get()).isEqualTo(1);
    }
}
