package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Handlers on threads Junction hands work to (pollers, executor channels, asynchronous gateways) run in a request
 * context of their own, so they may use {@code @RequestScoped} beans.
 */
class RequestContextOnWorkerThreadsTest {

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("jobs")
        PollableChannel jobs() {
            return MessageChannels.queue("jobs");
        }

        @Produces
        @ApplicationScoped
        @Channel("background")
        SubscribableChannel background() {
            return MessageChannels.executor("background", BACKGROUND);
        }
    }

    static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();

    @MessagingGateway(defaultRequestChannel = "questions", defaultReplyTimeout = 5_000)
    public interface Questions {
        CompletableFuture<String> requestId(String question);
    }

    @ApplicationScoped
    public static class Answers {
        private final List<String> backgroundIds = new CopyOnWriteArrayList<>();

        @Inject
        RequestState request;

        List<String> backgroundIds() {
            return List.copyOf(backgroundIds);
        }

        @ServiceActivator(inputChannel = "questions")
        public String answer(String question) {
            return request.id() + " on " + Thread.currentThread().getName();
        }

        @ServiceActivator(inputChannel = "background")
        public void inBackground(String job) {
            backgroundIds.add(request.id());
        }
    }

    @AfterAll
    static void stopBackground() {
        BACKGROUND.shutdown();
    }

    @RequestScoped
    public static class RequestState {
        private final String id = UUID.randomUUID().toString();

        public String id() {
            return id;
        }
    }

    @ApplicationScoped
    public static class Worker {
        private final List<String> requestIds = new CopyOnWriteArrayList<>();

        @Inject
        RequestState request;

        List<String> requestIds() {
            return List.copyOf(requestIds);
        }

        @ServiceActivator(inputChannel = "jobs", id = "requestWorker")
        @Poller(fixedDelay = 10, receiveTimeout = 10, maxMessagesPerPoll = 1)
        public void work(String job) {
            requestIds.add(request.id()); // fails with ContextNotActiveException without a request context
        }
    }

    @Test
    void handlersOnExecutorChannelThreadsAndAsyncGatewayThreadsHaveARequestContext() throws Exception {
        WeldContainer container = Containers.start("request-context-executors", Queues.class, RequestState.class,
                Questions.class, Answers.class);
        try {
            SubscribableChannel background = container.select(SubscribableChannel.class,
                    Channel.Literal.of("background")).get();
            background.send(Message.of("first"));
            background.send(Message.of("second"));
            Answers answers = container.select(Answers.class).get();
            String answer = container.select(Questions.class).get().requestId("who?").get(10, TimeUnit.SECONDS);

            await().until(() -> answers.backgroundIds().size() == 2);
            assertThat(answers.backgroundIds()).doesNotHaveDuplicates();
            assertThat(answer).contains(" on junction-gateway-");
        } finally {
            container.shutdown();
        }
    }

    @Test
    void handlersOnPollerThreadsGetAFreshRequestContextPerPoll() {
        WeldContainer container = Containers.start("request-context", Queues.class, RequestState.class, Worker.class);
        try {
            PollableChannel jobs = container.select(PollableChannel.class, Channel.Literal.of("jobs")).get();
            jobs.send(Message.of("first"));
            jobs.send(Message.of("second"));
            Worker worker = container.select(Worker.class).get();

            await().until(() -> worker.requestIds().size() == 2);
            assertThat(worker.requestIds()).doesNotHaveDuplicates();
        } finally {
            container.shutdown();
        }
    }
}
