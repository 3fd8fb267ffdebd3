package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.DefaultPoller;
import dev.junction.api.annotation.InboundChannelAdapter;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.endpoint.AbstractPollingEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** A {@code @DefaultPoller} bean polls the pollable consumers and inbound adapters that have no {@code @Poller}. */
class DefaultPollerBeanTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Dependent
    public static class Config {
        @Produces
        @Singleton
        @DefaultPoller
        PollerMetadata defaultPoller() {
            return PollerSpec.fixedDelay(Duration.ofMillis(10)).receiveTimeout(Duration.ofMillis(10)).build();
        }

        @Produces
        @ApplicationScoped
        @Channel("jobs")
        PollableChannel jobs() {
            return MessageChannels.queue("jobs");
        }

        @Produces
        @ApplicationScoped
        @Channel("ticks")
        PollableChannel ticks() {
            return MessageChannels.queue("ticks");
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
        private final List<String> done = new CopyOnWriteArrayList<>();
        private final AtomicInteger ticks = new AtomicInteger();

        @Inject
        RequestState request;

        List<String> done() {
            return List.copyOf(done);
        }

        /** No @Poller: the default poller's polls, each in a request context of its own. */
        @ServiceActivator(inputChannel = "jobs", id = "defaultPolledWorker")
        public void work(String job) {
            done.add(job + "@" + request.id());
        }

        /** No @Poller: the default poller calls it; one call per poll. */
        @InboundChannelAdapter(channel = "ticks", id = "defaultPolledTicker")
        public String tick() {
            return "tick " + ticks.incrementAndGet();
        }
    }

    @Test
    void pollableConsumersAndInboundAdaptersWithoutPollerUseTheDefaultPoller() {
        WeldContainer container = Containers.start("default-poller", Config.class, RequestState.class, Worker.class);
        try {
            PollableChannel jobs = container.select(PollableChannel.class, Channel.Literal.of("jobs")).get();
            PollableChannel ticks = container.select(PollableChannel.class, Channel.Literal.of("ticks")).get();
            jobs.send(Message.of("first"));
            jobs.send(Message.of("second"));
            Worker worker = container.select(Worker.class).get();

            await().atMost(PATIENCE).until(() -> worker.done().size() == 2);
            assertThat(worker.done()).extracting(done -> done.substring(0, done.indexOf('@')))
                    .containsExactlyInAnyOrder("first", "second");
            Message<?> tick = ticks.receive(PATIENCE);
            assertThat(tick).isNotNull();
            assertThat((String) tick.getPayload()).startsWith("tick ");

            PollerMetadata declared = container.select(PollerMetadata.class, DefaultPoller.Literal.INSTANCE).get();
            Junction runtime = container.select(Junction.class).get();
            for (String id : List.of("defaultPolledWorker", "defaultPolledTicker")) {
                AbstractPollingEndpoint endpoint = (AbstractPollingEndpoint) runtime.endpoint(id)
                        .orElseThrow();
                assertThat(endpoint.getPoller().trigger()).isSameAs(declared.trigger());
                assertThat(endpoint.getPoller().receiveTimeout()).isEqualTo(Duration.ofMillis(10));
            }
        } finally {
            container.shutdown();
        }
    }
}
