package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.poller.PollerSpec;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.BridgeHandler;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The messaging bridge: a polling consumer with a bridge handler, from a pollable to a subscribable channel. */
class MessagingBridgeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final QueueChannel pollable = channels.register(new QueueChannel("pollable"));
    private final PollCounter polls = new PollCounter();

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    private record Delivery(Object payload, int poll) {
    }

    /** Throttling: one message per poll, at the poller's rate, however many are waiting. */
    @Test
    void bridgesAPollableChannelToASubscribableOneAtThePollersPace() {
        DirectChannel subscribable = channels.register(new DirectChannel("subscribable"));
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        subscribable.subscribe(message -> deliveries.add(new Delivery(message.getPayload(), polls.current())));
        for (int i = 1; i <= 5; i++) {
            pollable.send(Message.of(i));
        }
        ConsumerEndpoint bridge = endpoints.consumer("bridge", "pollable",
                new BridgeHandler(ReplyProducerSettings.named("bridge").outputChannelName("subscribable")
                        .resolver(channels)),
                PollerSpec.fixedRate(Duration.ofMillis(20)).maxMessagesPerPoll(1).receiveTimeout(Duration.ZERO)
                        .advice(polls).build(), true);

        endpoints.startAll();

        await().atMost(WAIT).until(() -> deliveries.size() == 5);
        assertThat(bridge).isInstanceOf(PollingConsumer.class);
        assertThat(deliveries).extracting(Delivery::payload).containsExactly(1, 2, 3, 4, 5);
        assertThat(deliveries).extracting(Delivery::poll).doesNotHaveDuplicates().isSorted();
        assertThat(pollable.getQueueSize()).isZero();
    }

    @Test
    void withoutAnOutputChannelTheBridgeUsesTheReplyChannelHeader() {
        QueueChannel replies = new QueueChannel("replies");
        channels.register(new QueueChannel("namedReplies"));
        endpoints.consumer("bridge", pollable,
                new BridgeHandler(ReplyProducerSettings.named("bridge").resolver(channels)),
                PollerSpec.fixedDelay(Duration.ofMillis(5)).receiveTimeout(Duration.ZERO).build(), true);
        endpoints.startAll();
        Message<String> byInstance = MessageBuilder.withPayload("to instance").setReplyChannel(replies).build();
        Message<String> byName = MessageBuilder.withPayload("to name").setReplyChannel("namedReplies").build();

        pollable.send(byInstance);
        pollable.send(byName);

        Message<?> first = replies.receive(WAIT);
        assertThat(first).isNotNull();
        assertThat(first.getPayload()).isEqualTo("to instance");
        Message<?> second = ((QueueChannel) channels.resolve("namedReplies")).receive(WAIT);
        assertThat(second).isNotNull();
        assertThat(second.getPayload()).isEqualTo("to name");
    }

    @Test
    void withNeitherOutputChannelNorReplyChannelTheFailureGoesToThePollersErrorChannel() {
        QueueChannel errors = new QueueChannel("errors");
        endpoints.consumer("bridge", pollable, new BridgeHandler(ReplyProducerSettings.named("bridge")),
                PollerSpec.fixedDelay(Duration.ofMillis(5)).receiveTimeout(Duration.ZERO).errorChannel(errors).build(),
                true);
        endpoints.startAll();
        Message<String> stranded = Message.of("nowhere to go");

        pollable.send(stranded);

        Message<?> error = errors.receive(WAIT);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat(((ErrorMessage) error).getOriginalMessage()).containsSame(stranded);
        assertThat((Throwable) error.getPayload()).isInstanceOf(DestinationResolutionException.class)
                .hasMessageContaining("bridge").hasMessageContaining("no output channel")
                .hasMessageContaining("replyChannel");
    }
}
