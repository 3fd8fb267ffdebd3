package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.runtime.Junction;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The flows have started when the application's own code first runs, in an observer of
 * {@code @Initialized(ApplicationScoped.class)} (fired before the CDI 4 {@code Startup} event): a burst of one-way
 * messages sent from there through a direct channel into a polled queue is processed exactly once, none meeting a
 * channel without subscribers, and a request answered by a poller gets its reply.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationStartTest {

    static final int MESSAGES = 300;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(ApplicationStartTest.class, BeanDiscovery.ALL);
    }

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

        public List<String> received() {
            return List.copyOf(received);
        }

        public List<String> settled() {
            return List.copyOf(settled);
        }
    }

    /**
     * Sends at the application's initialization, once: a server may fire the event for each module, and for a web
     * module once more with its servlet context. Every event observed is logged, and a failure recorded, with the
     * thread, the event's payload and whether the runtime was running, so that a failure under load tells which start
     * it met.
     */
    @ApplicationScoped
    public static class EagerSender {
        private static final System.Logger LOG = System.getLogger(EagerSender.class.getName());
        @Inject
        Arrivals arrivals;
        @Inject
        Junction junction;
        private final AtomicBoolean sent = new AtomicBoolean();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private volatile String answer;

        void send(@Observes @Initialized(ApplicationScoped.class) Object event) {
            LOG.log(System.Logger.Level.INFO, () -> "@Initialized(ApplicationScoped.class) observed"
                    + circumstances(event));
            if (!sent.compareAndSet(false, true)) {
                return;
            }
            try {
                answer = arrivals.ask("the first question");
            } catch (RuntimeException failed) {
                failures.add("the question: " + failed + circumstances(event));
            }
            for (String id : ids()) {
                try {
                    arrivals.arrive(id);
                } catch (RuntimeException failed) {
                    failures.add(id + ": " + failed + circumstances(event));
                }
            }
        }

        private String circumstances(Object event) {
            return " (thread " + Thread.currentThread().getName() + ", event payload "
                    + event.getClass().getName() + ", runtime running: " + junction.isRunning() + ")";
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        public String answer() {
            return answer;
        }
    }

    @Inject
    Flow flow;

    @Inject
    EagerSender sender;

    @Test
    void everyMessageSentWhileTheApplicationStartsIsProcessedOnce() {
        assertThat(sender.failures()).as("sends that failed").isEmpty();
        assertThat(sender.answer()).isEqualTo("answer to the first question");
        await().atMost(Waiting.PATIENCE).until(() -> flow.settled().size() >= MESSAGES);
        assertThat(flow.received()).containsExactlyInAnyOrderElementsOf(ids());
        assertThat(flow.settled()).containsExactlyInAnyOrderElementsOf(ids());
    }

    static List<String> ids() {
        return IntStream.range(0, MESSAGES).mapToObj(i -> "message-" + i).toList();
    }
}
