package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @Poller} on endpoint methods: the fixed delay between polls, how many messages one poll takes, failures
 * going to the poller's error channel, and inbound channel adapters called by their poller. Each poll runs in a
 * request context of its own, which the tests use to tell polls apart.
 */
@ExtendWith(ArquillianExtension.class)
class PollerTest {

    /** The fixed delay of the paced poller, in ms: large enough to measure, small enough to keep the test short. */
    static final long DELAY = 300;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(PollerTest.class, BeanDiscovery.ALL);
    }

    /** One instance per poll: its id names the poll. */
    @RequestScoped
    public static class CurrentPoll {
        private final String id = UUID.randomUUID().toString();

        public String id() {
            return id;
        }
    }

    @ApplicationScoped
    public static class Consumers {
        @Inject
        CurrentPoll currentPoll;

        private final List<Long> pacedStarts = new CopyOnWriteArrayList<>();
        private final List<Long> pacedEnds = new CopyOnWriteArrayList<>();
        private final List<String[]> batched = new CopyOnWriteArrayList<>();
        private final List<String> guarded = new CopyOnWriteArrayList<>();
        private final List<Integer> counted = new CopyOnWriteArrayList<>();

        /** One message per poll, then a pause of {@link #DELAY} after the poll. */
        @ServiceActivator(inputChannel = "paced")
        @Poller(fixedDelay = DELAY, maxMessagesPerPoll = 1, receiveTimeout = 0)
        public void paced(String message) {
            pacedStarts.add(System.nanoTime());
            pacedEnds.add(System.nanoTime());
        }

        /** At most three messages per poll; started by the test once its messages wait in the queue. */
        @ServiceActivator(inputChannel = "batches", id = "batcher", autoStartup = false)
        @Poller(fixedDelay = 10, maxMessagesPerPoll = 3, receiveTimeout = 0)
        public void batch(String message) {
            batched.add(new String[] {currentPoll.id(), message});
        }

        /** Refuses messages starting with "bad"; its poller sends those failures to "guardErrors". */
        @ServiceActivator(inputChannel = "guarded")
        @Poller(fixedDelay = 10, receiveTimeout = 100, errorChannel = "guardErrors")
        public void guard(String message) {
            if (message.startsWith("bad")) {
                throw new IllegalArgumentException("refused " + message);
            }
            guarded.add(message);
        }

        @ServiceActivator(inputChannel = "counts")
        @Poller(fixedDelay = 10, receiveTimeout = 100)
        public void count(Integer value) {
            counted.add(value);
        }

        public List<Long> pacedStarts() {
            return List.copyOf(pacedStarts);
        }

        public List<Long> pacedEnds() {
            return List.copyOf(pacedEnds);
        }

        /** @return the batched messages grouped by the poll that took them, in order */
        public List<List<String>> batchesByPoll() {
            Map<String, List<String>> byPoll = new LinkedHashMap<>();
            for (String[] entry : batched) {
                byPoll.computeIfAbsent(entry[0], poll -> new ArrayList<>()).add(entry[1]);
            }
            return List.copyOf(byPoll.values());
        }

        public List<String> guarded() {
            return List.copyOf(guarded);
        }

        public List<Integer> counted() {
            return List.copyOf(counted);
        }
    }

    /** An inbound channel adapter: its poller calls it, each result becomes a message on "counts". */
    @ApplicationScoped
    public static class CountSource {
        private final AtomicInteger next = new AtomicInteger();

        @InboundChannelAdapter(channel = "counts")
        @Poller(fixedDelay = 10)
        public Integer nextCount() {
            return next.incrementAndGet();
        }
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("paced")
        PollableChannel paced() {
            return MessageChannels.queue("paced");
        }

        @Produces
        @ApplicationScoped
        @Channel("batches")
        PollableChannel batches() {
            return MessageChannels.queue("batches");
        }

        @Produces
        @ApplicationScoped
        @Channel("guarded")
        PollableChannel guarded() {
            return MessageChannels.queue("guarded");
        }

        @Produces
        @ApplicationScoped
        @Channel("guardErrors")
        PollableChannel guardErrors() {
            return MessageChannels.queue("guardErrors");
        }

        @Produces
        @ApplicationScoped
        @Channel("counts")
        PollableChannel counts() {
            return MessageChannels.queue("counts");
        }
    }

    @Inject
    Consumers consumers;

    @Inject
    Junction runtime;

    @Inject
    @Channel("paced")
    PollableChannel paced;

    @Inject
    @Channel("batches")
    PollableChannel batches;

    @Inject
    @Channel("guarded")
    PollableChannel guarded;

    @Inject
    @Channel("guardErrors")
    PollableChannel guardErrors;

    @Test
    void aFixedDelayPollerWaitsTheDelayAfterEachPoll() {
        for (int i = 0; i < 4; i++) {
            paced.send(Message.of("tick " + i));
        }

        await().atMost(Waiting.PATIENCE).until(() -> consumers.pacedStarts().size() == 4);
        List<Long> starts = consumers.pacedStarts();
        List<Long> ends = consumers.pacedEnds();
        for (int i = 1; i < starts.size(); i++) {
            // a lower bound only: the scheduler never runs a poll early, but may run it late on a busy machine;
            // 5 ms of slack for the scheduler's wall clock against System.nanoTime
            assertThat(TimeUnit.NANOSECONDS.toMillis(starts.get(i) - ends.get(i - 1)))
                    .as("pause before poll %d", i).isGreaterThanOrEqualTo(DELAY - 5);
        }
    }

    @Test
    void maxMessagesPerPollBoundsWhatOnePollTakes() {
        for (int i = 1; i <= 7; i++) {
            batches.send(Message.of("m" + i));
        }
        runtime.endpoint("batcher").orElseThrow().start();

        await().atMost(Waiting.PATIENCE).until(() -> consumers.batchesByPoll().stream().mapToInt(List::size).sum() == 7);
        assertThat(consumers.batchesByPoll()).containsExactly(List.of("m1", "m2", "m3"), List.of("m4", "m5", "m6"),
                List.of("m7"));
    }

    @Test
    void aFailingPollGoesToThePollersErrorChannelAndPollingGoesOn() {
        guarded.send(Message.of("good-1"));
        guarded.send(Message.of("bad-2"));
        guarded.send(Message.of("good-3"));

        Message<?> error = guardErrors.receive(Waiting.PATIENCE);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).isInstanceOf(MessageHandlingException.class)
                .hasRootCauseMessage("refused bad-2");
        assertThat(((MessageHandlingException) error.getPayload()).getFailedMessage().getPayload()).isEqualTo("bad-2");
        await().atMost(Waiting.PATIENCE).until(() -> consumers.guarded().contains("good-3"));
        assertThat(consumers.guarded()).containsExactly("good-1", "good-3");
    }

    @Test
    void anInboundChannelAdaptersPollerCallsItAndSendsWhatItReturns() {
        await().atMost(Waiting.PATIENCE).until(() -> consumers.counted().size() >= 3);

        assertThat(consumers.counted().subList(0, 3)).containsExactly(1, 2, 3);
    }
}
