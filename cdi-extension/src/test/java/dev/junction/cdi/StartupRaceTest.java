package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Application code may send as soon as the application is initialized, before the CDI 4 {@code Startup} event: the
 * flows have started by then, so no message meets a channel without subscribers, every one is processed exactly once,
 * by the event-driven consumer and by the polling one after it, and a request answered by a poller gets its reply
 * rather than waiting for a poller that starts after the caller returns. On Weld and OpenWebBeans.
 */
class StartupRaceTest {

    private static final int MESSAGES = 300;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @MessagingGateway(defaultRequestChannel = "arrivals", defaultReplyTimeout = 30_000)
    public interface Arrivals {
        void arrive(String id);

        @Gateway(requestChannel = "questions")
        String ask(String question);
    }

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("settling")
        PollableChannel settling() {
            return MessageChannels.queue("settling");
        }

        @Produces
        @ApplicationScoped
        @Channel("questions")
        PollableChannel questions() {
            return MessageChannels.queue("questions");
        }
    }

    @ApplicationScoped
    public static class Flow {
        private final Queue<String> received = new ConcurrentLinkedQueue<>();
        private final Queue<String> settled = new ConcurrentLinkedQueue<>();

        @ServiceActivator(inputChannel = "arrivals", outputChannel = "settling")
        public String receive(String id) {
            received.add(id);
            return id;
        }

        @ServiceActivator(inputChannel = "settling")
        @Poller(fixedDelay = 5, maxMessagesPerPoll = 50)
        public void settle(String id) {
            settled.add(id);
        }

        @ServiceActivator(inputChannel = "questions")
        @Poller(fixedDelay = 5)
        public String answer(String question) {
            return "answer to " + question;
        }

        List<String> received() {
            return List.copyOf(received);
        }

        List<String> settled() {
            return List.copyOf(settled);
        }
    }

    /** Sends as soon as the application is initialized, as application code does, and keeps what went wrong. */
    @ApplicationScoped
    public static class EagerSender {
        @Inject
        Arrivals arrivals;
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private volatile String answer;

        void send(@Observes @Initialized(ApplicationScoped.class) Object event) {
            try {
                answer = arrivals.ask("the first question");
            } catch (RuntimeException failed) {
                failures.add("the question: " + failed);
            }
            for (String id : ids()) {
                try {
                    arrivals.arrive(id);
                } catch (RuntimeException failed) {
                    failures.add(id + ": " + failed);
                }
            }
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        String answer() {
            return answer;
        }
    }

    private static final Class<?>[] APPLICATION = {Arrivals.class, Queues.class, Flow.class, EagerSender.class};

    @Test
    void onWeldEveryMessageSentWhileTheApplicationStartsIsProcessedOnce() {
        var container = Containers.start("startup-race", APPLICATION);
        try {
            assertEveryMessageProcessedOnce(container.select(Flow.class).get(),
                    container.select(EagerSender.class).get(), (JunctionRuntime) container.select(Junction.class).get());
        } finally {
            container.shutdown();
        }
    }

    @Test
    void onOpenWebBeansEveryMessageSentWhileTheApplicationStartsIsProcessedOnce() {
        var container = Containers.startOpenWebBeans(APPLICATION);
        try {
            assertEveryMessageProcessedOnce(container.select(Flow.class).get(),
                    container.select(EagerSender.class).get(), (JunctionRuntime) container.select(Junction.class).get());
        } finally {
            container.close();
        }
    }

    private static void assertEveryMessageProcessedOnce(Flow flow, EagerSender sender, JunctionRuntime runtime) {
        assertThat(sender.failures()).as("sends that failed").isEmpty();
        assertThat(sender.answer()).isEqualTo("answer to the first question");
        await().atMost(PATIENCE).until(() -> flow.settled().size() >= MESSAGES);
        assertThat(flow.received()).containsExactlyInAnyOrderElementsOf(ids());
        assertThat(flow.settled()).containsExactlyInAnyOrderElementsOf(ids());
        assertThat(((SubscribableChannel) runtime.channels().resolve("arrivals")).getSubscriberCount())
                .as("started once, though both the initialization and Startup start").isEqualTo(1);
    }

    private static List<String> ids() {
        return IntStream.range(0, MESSAGES).mapToObj(i -> "message-" + i).toList();
    }
}
