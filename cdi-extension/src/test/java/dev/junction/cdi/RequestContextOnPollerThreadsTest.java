package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class RequestContextOnPollerThreadsTest {

    @Dependent
    public static class Queues {
        @Produces
        @ApplicationScoped
        @Channel("jobs")
        PollableChannel jobs() {
            return MessageChannels.queue("jobs");
        }
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
