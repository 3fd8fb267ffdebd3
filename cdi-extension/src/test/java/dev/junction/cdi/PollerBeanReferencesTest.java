package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Poller} names its trigger, task executor and advices as {@code @Named} beans. */
class PollerBeanReferencesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A plain (Date based) Jakarta Concurrency trigger: every 10 ms after the previous run ended; counts its use. */
    @Singleton
    @Named("everyTenMillis")
    public static class CountingTrigger implements Trigger {
        private final AtomicInteger nextRunTimes = new AtomicInteger();
        private final AtomicInteger skipChecks = new AtomicInteger();

        @Override
        public Date getNextRunTime(LastExecution lastExecution, Date taskScheduledTime) {
            nextRunTimes.incrementAndGet();
            return lastExecution == null ? taskScheduledTime : new Date(lastExecution.getRunEnd().getTime() + 10);
        }

        @Override
        public boolean skipRun(LastExecution lastExecution, Date scheduledRunTime) {
            skipChecks.incrementAndGet();
            return false;
        }
    }

    /** Records what happens, in order, across advices and handlers. */
    @Singleton
    public static class Journal {
        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        List<String> entries() {
            return List.copyOf(entries);
        }
    }

    @Singleton
    @Named("outerAdvice")
    public static class OuterAdvice implements PollAdvice {
        @Inject
        Journal journal;

        @Override
        public boolean around(Poll poll) throws Exception {
            journal.add("outer>");
            try {
                return poll.proceed();
            } finally {
                journal.add("<outer");
            }
        }
    }

    @Singleton
    @Named("innerAdvice")
    public static class InnerAdvice implements PollAdvice {
        @Inject
        Journal journal;

        @Override
        public boolean around(Poll poll) throws Exception {
            journal.add("inner>");
            try {
                return poll.proceed();
            } finally {
                journal.add("<inner");
            }
        }
    }

    /** Around the receive only: sees what was received and hands the handler an upper-case payload. */
    @Singleton
    @Named("shouting")
    public static class ShoutingReceiveAdvice implements ReceiveMessageAdvice {
        @Inject
        Journal journal;

        @Override
        public Message<?> afterReceive(Message<?> result, Object source) {
            journal.add("receive");
            return result == null ? null : Message.of(((String) result.getPayload()).toUpperCase());
        }
    }

    @Dependent
    public static class Config {
        private static final AtomicInteger THREADS = new AtomicInteger();

        @Produces
        @Singleton
        @Named("dynamicTrigger")
        DynamicPeriodicTrigger dynamicTrigger() {
            return new DynamicPeriodicTrigger(Duration.ofMillis(10));
        }

        @Produces
        @Singleton
        @Named("pollPool")
        ExecutorService pollPool() {
            return Executors.newFixedThreadPool(2, task -> new Thread(task, "test-poll-pool-" + THREADS.incrementAndGet()));
        }

        void closePollPool(@Disposes @Named("pollPool") ExecutorService pool) {
            pool.shutdownNow();
        }

        @Produces @ApplicationScoped @Channel("triggered")
        PollableChannel triggered() {
            return MessageChannels.queue("triggered");
        }

        @Produces @ApplicationScoped @Channel("dynamicTicks")
        PollableChannel dynamicTicks() {
            return MessageChannels.queue("dynamicTicks");
        }

        @Produces @ApplicationScoped @Channel("pooled")
        PollableChannel pooled() {
            return MessageChannels.queue("pooled");
        }

        @Produces @ApplicationScoped @Channel("advised")
        PollableChannel advised() {
            return MessageChannels.queue("advised");
        }
    }

    @ApplicationScoped
    public static class Endpoints {
        private final List<String> triggered = new CopyOnWriteArrayList<>();
        private final List<String> pooledThreads = new CopyOnWriteArrayList<>();
        private final AtomicInteger ticks = new AtomicInteger();

        @Inject
        Journal journal;

        List<String> triggered() {
            return List.copyOf(triggered);
        }

        List<String> pooledThreads() {
            return List.copyOf(pooledThreads);
        }

        @ServiceActivator(inputChannel = "triggered")
        @Poller(trigger = "everyTenMillis", receiveTimeout = 10)
        public void onTriggered(String text) {
            triggered.add(text);
        }

        @InboundChannelAdapter(channel = "dynamicTicks")
        @Poller(trigger = "dynamicTrigger")
        public String tick() {
            return "tick " + ticks.incrementAndGet();
        }

        @ServiceActivator(inputChannel = "pooled")
        @Poller(fixedDelay = 10, receiveTimeout = 10, taskExecutor = "pollPool")
        public void onPooled(String text) {
            pooledThreads.add(Thread.currentThread().getName());
        }

        @ServiceActivator(inputChannel = "advised")
        @Poller(fixedDelay = 10, receiveTimeout = 10, maxMessagesPerPoll = 1,
                adviceChain = {"outerAdvice", "innerAdvice", "shouting"})
        public void onAdvised(String text) {
            journal.add("handle " + text);
        }
    }

    private WeldContainer container;

    @BeforeEach
    void start() {
        container = Containers.start("poller-references", CountingTrigger.class, Journal.class, OuterAdvice.class,
                InnerAdvice.class, ShoutingReceiveAdvice.class, Config.class, Endpoints.class);
    }

    @AfterEach
    void stop() {
        container.shutdown();
    }

    private PollableChannel channel(String name) {
        return container.select(PollableChannel.class, Channel.Literal.of(name)).get();
    }

    @Test
    void aPlainTriggerBeanDecidesWhenThePollerPolls() {
        CountingTrigger trigger = container.select(CountingTrigger.class).get();
        Endpoints endpoints = container.select(Endpoints.class).get();
        for (String text : List.of("a", "b", "c")) {
            channel("triggered").send(Message.of(text));
        }

        await().atMost(PATIENCE).until(() -> endpoints.triggered().size() == 3);
        assertThat(endpoints.triggered()).containsExactly("a", "b", "c");
        assertThat(trigger.nextRunTimes.get()).isPositive();
        assertThat(trigger.skipChecks.get()).isPositive();
    }

    @Test
    void aZonedTriggerBeanDrivesAnInboundAdapterAndMayBeChangedWhileItRuns() {
        DynamicPeriodicTrigger trigger = container.select(DynamicPeriodicTrigger.class).get();
        PollableChannel ticks = channel("dynamicTicks");
        assertThat(ticks.receive(PATIENCE)).isNotNull();

        trigger.setPeriod(Duration.ofMillis(5)); // the very instance the poller runs on
        assertThat(ticks.receive(PATIENCE)).isNotNull();
        assertThat(trigger.period()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void pollsRunOnTheNamedTaskExecutor() {
        Endpoints endpoints = container.select(Endpoints.class).get();
        channel("pooled").send(Message.of("x"));
        channel("pooled").send(Message.of("y"));

        await().atMost(PATIENCE).until(() -> endpoints.pooledThreads().size() == 2);
        assertThat(endpoints.pooledThreads()).allSatisfy(thread -> assertThat(thread).startsWith("test-poll-pool-"));
    }

    @Test
    void adviceBeansRunAroundEachPollOutermostFirstAndReceiveAdvicesSeeWhatWasReceived() {
        Journal journal = container.select(Journal.class).get();
        channel("advised").send(Message.of("hello"));

        await().atMost(PATIENCE).until(() -> journal.entries().contains("<outer")
                && journal.entries().indexOf("handle HELLO") >= 0
                && journal.entries().lastIndexOf("<outer") > journal.entries().indexOf("handle HELLO"));
        List<String> entries = journal.entries();
        int handled = entries.indexOf("handle HELLO");
        assertThat(entries.subList(handled - 3, handled + 3))
                .containsExactly("outer>", "inner>", "receive", "handle HELLO", "<inner", "<outer");
    }
}
