package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.source.SupplierMessageSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Building endpoints by channel type, default pollers, ids and lookups, and starting and stopping them together. */
class EndpointRegistryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MessageHandler NO_OP = message -> { };

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    private static PollerMetadata fastPoller() {
        return PollerSpec.fixedDelay(Duration.ofMillis(5)).receiveTimeout(Duration.ZERO).build();
    }

    @Test
    void aSubscribableChannelGetsAnEventDrivenConsumer() {
        DirectChannel input = new DirectChannel("direct");
        List<Object> handled = new CopyOnWriteArrayList<>();

        ConsumerEndpoint consumer = endpoints.consumer("c", input, message -> handled.add(message.getPayload()), null,
                true);

        assertThat(consumer).isInstanceOf(EventDrivenConsumer.class);
        assertThat(input.getSubscriberCount()).isZero();
        endpoints.startAll();
        assertThat(input.getSubscriberCount()).isEqualTo(1);
        input.send(Message.of("hello"));
        assertThat(handled).containsExactly("hello");
    }

    @Test
    void aPollableChannelGetsAPollingConsumer() {
        QueueChannel input = new QueueChannel("queue");
        List<Object> handled = new CopyOnWriteArrayList<>();

        ConsumerEndpoint consumer = endpoints.consumer("c", input, message -> handled.add(message.getPayload()),
                fastPoller(), true);

        assertThat(consumer).isInstanceOf(PollingConsumer.class);
        endpoints.startAll();
        input.send(Message.of("hello"));
        await().atMost(WAIT).until(() -> handled.contains("hello"));
    }

    @Test
    void aPollerOnASubscribableChannelIsAnErrorNamingEndpointAndChannel() {
        assertThatThrownBy(() -> endpoints.consumer("pushed", new DirectChannel("directIn"), NO_OP, fastPoller(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0215")
                .hasMessageContaining("'pushed'").hasMessageContaining("'directIn'").hasMessageContaining("poller");
        assertThat(endpoints.endpoint("pushed")).isEmpty();
    }

    @Test
    void aPollableChannelWithoutPollerAndWithoutDefaultPollerIsAnError() {
        assertThatThrownBy(() -> endpoints.consumer("unpolled", new QueueChannel("queueIn"), NO_OP, null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0216")
                .hasMessageContaining("'unpolled'").hasMessageContaining("'queueIn'")
                .hasMessageContaining("default poller");
        assertThat(endpoints.endpoint("unpolled")).isEmpty();
    }

    @Test
    void anInboundAdapterWithoutPollerAndWithoutDefaultPollerIsAnError() {
        assertThatThrownBy(() -> endpoints.inboundAdapter("source", () -> null, "out", null, null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0216")
                .hasMessageContaining("'source'").hasMessageContaining("default poller");
    }

    @Test
    void theDefaultPollerServesEndpointsWithoutTheirOwn() {
        PollerMetadata defaultPoller = fastPoller();
        endpoints.setDefaultPoller(defaultPoller);
        QueueChannel input = new QueueChannel("queue");
        List<Object> handled = new CopyOnWriteArrayList<>();

        PollingConsumer consumer = (PollingConsumer) endpoints.consumer("c", input,
                message -> handled.add(message.getPayload()), null, true);
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("a", () -> null, "out", null, null, true);
        PollerMetadata own = fastPoller();
        PollingConsumer withOwn = (PollingConsumer) endpoints.consumer("own", new QueueChannel("other"), NO_OP, own,
                true);

        assertThat(endpoints.getDefaultPoller()).containsSame(defaultPoller);
        assertThat(consumer.getPoller()).isSameAs(defaultPoller);
        assertThat(adapter.getPoller()).isSameAs(defaultPoller);
        assertThat(withOwn.getPoller()).isSameAs(own);
        endpoints.startAll();
        input.send(Message.of("hello"));
        await().atMost(WAIT).until(() -> handled.contains("hello"));
    }

    @Test
    void aSecondDefaultPollerIsAnError() {
        PollerMetadata first = fastPoller();
        endpoints.setDefaultPoller(first);

        assertThatThrownBy(() -> endpoints.setDefaultPoller(fastPoller())).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("JNC-0213").hasMessageContaining("default poller is already declared");
        assertThat(endpoints.getDefaultPoller()).containsSame(first);
    }

    @Test
    void twoEndpointsWithOneIdAreAnError() {
        ConsumerEndpoint first = endpoints.consumer("twin", new DirectChannel("a"), NO_OP, null, true);

        assertThatThrownBy(() -> endpoints.consumer("twin", new DirectChannel("b"), NO_OP, null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0214")
                .hasMessageContaining("'twin'").hasMessageContaining("unique");
        assertThat(endpoints.endpoint("twin")).containsSame((AbstractEndpoint) first);
    }

    @Test
    void eventDrivenConsumersStartBeforeThePollingConsumersThatFeedThem() {
        DirectChannel downstream = new DirectChannel("downstream");
        List<Integer> subscribersWhenPollingStarted = new CopyOnWriteArrayList<>();
        TaskScheduler recording = (task, trigger) -> {
            subscribersWhenPollingStarted.add(downstream.getSubscriberCount());
            return scheduler.schedule(task, trigger);
        };
        EndpointRegistry ordered = new EndpointRegistry(channels, recording);
        // registered first, so registration order alone would start it first
        ordered.consumer("poller", new QueueChannel("queue"), downstream::send, fastPoller(), true);
        ordered.consumer("sink", downstream, NO_OP, null, true);

        ordered.startAll();
        ordered.stopAll();

        assertThat(subscribersWhenPollingStarted).containsExactly(1);
    }

    @Test
    void aRefusedDuplicateIdLeavesNoImplicitChannelBehind() {
        endpoints.consumer("twin", "first", NO_OP, null, true);

        assertThatThrownBy(() -> endpoints.consumer("twin", "second", NO_OP, null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'twin'");
        assertThatThrownBy(() -> endpoints.inboundAdapter("twin", () -> null, "third", fastPoller(), null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'twin'");
        assertThat(channels.channels()).extracting(MessageChannel::getName).contains("first")
                .doesNotContain("second", "third");
    }

    @Test
    void endpointsTheirHandlersAndSourcesAreFoundByName() {
        MessageHandler handler = message -> { };
        MessageSource<?> source = () -> null;
        ConsumerEndpoint consumer = endpoints.consumer("service", new DirectChannel("in"), handler, null, true);
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("poller", source, "out", fastPoller(), null,
                true);

        assertThat(endpoints.lookup("service")).containsSame(consumer);
        assertThat(endpoints.lookup("service.handler")).containsSame(handler);
        assertThat(endpoints.lookup("poller")).containsSame(adapter);
        assertThat(endpoints.lookup("poller.source")).containsSame(source);
        assertThat(endpoints.lookup("service.source")).isEmpty();
        assertThat(endpoints.lookup("poller.handler")).isEmpty();
        assertThat(endpoints.lookup("unknown")).isEmpty();
        assertThat(endpoints.lookup("unknown.handler")).isEmpty();
        assertThat(adapter.getId()).isEqualTo("poller");
        assertThat(consumer.getId()).isEqualTo("service");
    }

    @Test
    void aChannelNamedButNotDeclaredIsCreatedAsADirectChannel() {
        List<Object> handled = new CopyOnWriteArrayList<>();
        ConsumerEndpoint consumer = endpoints.consumer("c", "undeclaredIn", message -> handled.add(message.getPayload()),
                null, true);
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("a", () -> null, "undeclaredOut", fastPoller(),
                null, true);

        assertThat(channels.find("undeclaredIn")).get().isInstanceOf(DirectChannel.class)
                .isSameAs(consumer.getInputChannel());
        assertThat(channels.find("undeclaredOut")).get().isInstanceOf(DirectChannel.class)
                .isSameAs(adapter.getOutputChannel());
        assertThat(consumer).isInstanceOf(EventDrivenConsumer.class);

        endpoints.startAll();
        channels.resolve("undeclaredIn").send(Message.of("hello"));
        assertThat(handled).containsExactly("hello");
    }

    @Test
    void aDeclaredChannelIsUsedAsItIs() {
        QueueChannel declared = channels.register(new QueueChannel("declared"));

        ConsumerEndpoint consumer = endpoints.consumer("c", "declared", NO_OP, fastPoller(), true);

        assertThat(consumer.getInputChannel()).isSameAs(declared);
        assertThat(consumer).isInstanceOf(PollingConsumer.class);
    }

    @Test
    void startAllLeavesOutEndpointsWithoutAutoStartupWhichStartOnDemand() {
        DirectChannel input = new DirectChannel("in");
        List<Object> handled = new CopyOnWriteArrayList<>();
        ConsumerEndpoint manual = endpoints.consumer("manual", input, message -> handled.add(message.getPayload()),
                null, false);
        ConsumerEndpoint automatic = endpoints.consumer("automatic", new DirectChannel("other"), NO_OP, null, true);

        endpoints.startAll();

        assertThat(automatic.isRunning()).isTrue();
        assertThat(manual.isRunning()).isFalse();
        assertThat(input.getSubscriberCount()).isZero();

        manual.start();
        input.send(Message.of("hello"));
        assertThat(manual.isRunning()).isTrue();
        assertThat(handled).containsExactly("hello");

        endpoints.stopAll();
        assertThat(manual.isRunning()).isFalse();
        assertThat(automatic.isRunning()).isFalse();
    }

    /**
     * The adapter is registered first and polls at once, into a direct channel whose consumer is registered after
     * it. startAll starts the consumer first, so the very first message finds it; stopAll stops the adapter first.
     */
    @Test
    void consumersStartBeforeAndStopAfterInboundAdapters() {
        List<Message<?>> globalErrors = new CopyOnWriteArrayList<>();
        channels.errorChannel().subscribe(globalErrors::add);
        AtomicInteger produced = new AtomicInteger();
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("producer",
                new SupplierMessageSource(() -> produced.get() == 0 ? produced.incrementAndGet() : null), "flow",
                PollerSpec.fixedDelay(Duration.ofMillis(5)).initialDelay(Duration.ZERO).build(), null, true);
        List<Object> consumed = new CopyOnWriteArrayList<>();
        endpoints.consumer("consumer", "flow", message -> consumed.add(message.getPayload()), null, true);
        List<String> probe = new CopyOnWriteArrayList<>();
        endpoints.register(new AbstractEndpoint("probe", true) {
            @Override
            protected void doStart() {
                probe.add("probe started, producer running: " + adapter.isRunning());
            }

            @Override
            protected void doStop() {
                probe.add("probe stopped, producer running: " + adapter.isRunning());
            }
        });

        endpoints.startAll();
        await().atMost(WAIT).until(() -> consumed.size() == 1);
        endpoints.stopAll();

        assertThat(consumed).containsExactly(1);
        assertThat(globalErrors).isEmpty();
        assertThat(probe).containsExactly("probe started, producer running: false",
                "probe stopped, producer running: false");
    }

    @Test
    void stopAllStopsEveryEndpointAndNoPollsFollow() {
        AtomicInteger sourceCalls = new AtomicInteger();
        SourcePollingChannelAdapter[] adapter = new SourcePollingChannelAdapter[1];
        adapter[0] = endpoints.inboundAdapter("busy", new SupplierMessageSource(() -> {
            sourceCalls.incrementAndGet();
            return null;
        }), "out", PollerSpec.fixedRate(Duration.ofMillis(1)).build(), null, true);
        QueueChannel queue = new QueueChannel("queue");
        AtomicInteger queueReceives = new AtomicInteger();
        PollingConsumer consumer = (PollingConsumer) endpoints.consumer("queued", queue, NO_OP,
                PollerSpec.fixedRate(Duration.ofMillis(1)).receiveTimeout(Duration.ofSeconds(30))
                        .receiveAdvice(new dev.junction.api.poller.ReceiveMessageAdvice() {
                            @Override
                            public boolean beforeReceive(Object source) {
                                queueReceives.incrementAndGet();
                                return true;
                            }
                        }).build(), true);
        ConsumerEndpoint direct = endpoints.consumer("direct", "in", NO_OP, null, true);

        endpoints.startAll();
        await().atMost(WAIT).until(() -> sourceCalls.get() >= 5 && queueReceives.get() >= 1);
        endpoints.stopAll();
        int callsAtStop = sourceCalls.get();

        assertThat(adapter[0].isRunning()).isFalse();
        assertThat(consumer.isRunning()).isFalse();
        assertThat(direct.isRunning()).isFalse();
        // a poll under way when stop was called may still finish its receive, but none starts after
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .until(() -> sourceCalls.get() <= callsAtStop + 1);
        // the consumer's long receive was interrupted by the stop: a message sent now stays in the queue
        Message<String> late = Message.of("late");
        queue.send(late);
        assertThat(queue.receive(Duration.ZERO)).isSameAs(late);
    }

    @Test
    void aPollStillHandlingWhenTheEndpointIsRestartedEndsAfterItsMessage() throws Exception {
        QueueChannel input = new QueueChannel("queue");
        CountDownLatch firstInHandler = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        ThreadLocal<Integer> currentPoll = new ThreadLocal<>();
        Map<Object, Integer> pollOfMessage = new ConcurrentHashMap<>();
        PollAdvice numberingPolls = poll -> {
            currentPoll.set(polls.incrementAndGet());
            try {
                return poll.proceed();
            } finally {
                currentPoll.remove();
            }
        };
        ConsumerEndpoint consumer = endpoints.consumer("c", input, message -> {
            pollOfMessage.put(message.getPayload(), currentPoll.get());
            if (message.getPayload().equals(0)) { // the old start's poll blocks here until released
                firstInHandler.countDown();
                try {
                    releaseFirst.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            } else {
                LockSupport.parkNanos(100_000); // messages keep waiting when the old poll is released
            }
        }, PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ofMillis(5)).advice(numberingPolls)
                .build(), true);
        for (int i = 0; i < 2000; i++) {
            input.send(Message.of(i)); // one poll takes them all, unless it is told to end
        }
        endpoints.startAll();
        assertThat(firstInHandler.await(20, TimeUnit.SECONDS)).isTrue();

        consumer.stop();
        consumer.start(); // the new start's polls take the other messages
        await().atMost(WAIT).until(() -> pollOfMessage.size() >= 10);
        releaseFirst.countDown(); // the old poll finishes message 0 and must not poll on beside the new start

        await().atMost(WAIT).until(() -> pollOfMessage.size() == 2000);
        int oldPoll = pollOfMessage.get(0);
        assertThat(pollOfMessage.entrySet().stream().filter(entry -> entry.getValue() == oldPoll).map(Map.Entry::getKey))
                .as("messages handled by the poll of the first start").containsExactly(0);
    }

    @Test
    void anEndpointCanBeRestarted() {
        QueueChannel input = new QueueChannel("queue");
        List<Object> handled = new CopyOnWriteArrayList<>();
        ConsumerEndpoint consumer = endpoints.consumer("c", input, message -> handled.add(message.getPayload()),
                fastPoller(), true);
        endpoints.startAll();
        input.send(Message.of(1));
        await().atMost(WAIT).until(() -> handled.contains(1));

        consumer.stop();
        consumer.start();
        input.send(Message.of(2));

        await().atMost(WAIT).until(() -> handled.contains(2));
    }

    @Test
    void anInputChannelThatIsNeitherSubscribableNorPollableIsRefused() {
        MessageChannel neither = new MessageChannel() {
            @Override
            public boolean send(Message<?> message) {
                return true;
            }

            @Override
            public boolean send(Message<?> message, Duration timeout) {
                return true;
            }

            @Override
            public String getName() {
                return "odd";
            }
        };

        assertThatThrownBy(() -> endpoints.consumer("c", neither, NO_OP, null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'c'").hasMessageContaining("'odd'");
    }
}
