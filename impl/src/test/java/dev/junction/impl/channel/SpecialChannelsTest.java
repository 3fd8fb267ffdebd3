package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.impl.testing.LogRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class SpecialChannelsTest {

    @Test
    void nullChannelAcceptsEverythingAndNeverHasAnythingToReceive() {
        NullChannel nullChannel = new NullChannel();
        assertThat(nullChannel.getName()).isEqualTo("nullChannel");
        assertThat(nullChannel.send(Message.of("x"))).isTrue();
        assertThat(nullChannel.send(Message.of("y"), Duration.ZERO)).isTrue();
        assertThat(nullChannel.receive(Duration.ZERO)).isNull();
        assertThat(nullChannel.receive()).isNull();
    }

    @Test
    void errorChannelLogsErrorsNobodySubscribedTo() {
        ErrorChannel errorChannel = new ErrorChannel();
        try (LogRecorder log = LogRecorder.of(ErrorChannel.class.getName(), Level.INFO)) {
            Message<String> original = Message.of("order-17");
            IllegalStateException failure = new IllegalStateException("boom");

            assertThat(errorChannel.send(new ErrorMessage(failure, original))).isTrue();
            assertThat(log.records()).hasSize(1);
            assertThat(log.records().get(0).getLevel()).isEqualTo(Level.SEVERE);
            assertThat(log.records().get(0).getThrown()).isSameAs(failure);
            assertThat(log.records().get(0).getMessage()).contains("order-17");
        }
    }

    @Test
    void errorChannelPublishesToAllSubscribersOnceThereAreAny() {
        ErrorChannel errorChannel = new ErrorChannel();
        List<Message<?>> first = new ArrayList<>();
        List<Message<?>> second = new ArrayList<>();
        errorChannel.subscribe(first::add);
        errorChannel.subscribe(second::add);

        errorChannel.send(new ErrorMessage(new IllegalStateException("x"), null));
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(errorChannel.getName()).isEqualTo("errorChannel");
    }

    @Test
    void fixedSubscriberChannelRunsItsOneHandler() {
        List<Object> handled = new ArrayList<>();
        MessageHandler handler = m -> handled.add(m.getPayload());
        FixedSubscriberChannel channel = new FixedSubscriberChannel("fixed", handler);

        assertThat(channel.send(Message.of(1))).isTrue();
        assertThat(channel.send(Message.of(2), Duration.ZERO)).isTrue();
        assertThat(handled).containsExactly(1, 2);
        assertThat(channel.subscribe(handler)).isFalse();
        assertThatThrownBy(() -> channel.subscribe(m -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fixed'");
        assertThat(channel.unsubscribe(handler)).isFalse();
        assertThat(channel.getSubscriberCount()).isEqualTo(1);
    }

    @Test
    void fixedSubscriberChannelWrapsHandlerFailuresWithTheMessage() {
        FixedSubscriberChannel channel = new FixedSubscriberChannel("fixed", m -> {
            throw new IllegalStateException("down");
        });
        Message<String> message = Message.of("x");
        assertThatThrownBy(() -> channel.send(message))
                .isInstanceOf(MessageHandlingException.class).hasRootCauseMessage("down")
                .satisfies(e -> assertThat(((MessageHandlingException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void messageChannelsCreatesRuntimeChannelsThroughTheServiceLoader() {
        SubscribableChannel direct = MessageChannels.direct("d");
        PollableChannel queue = MessageChannels.queue(25);
        PollableChannel named = MessageChannels.queue("q", 3);
        PollableChannel priority = MessageChannels.priority("p");
        PollableChannel rendezvous = MessageChannels.rendezvous("r");
        SubscribableChannel pubsub = MessageChannels.publishSubscribe("ps");
        var executor = Executors.newSingleThreadExecutor();
        try {
            assertThat(direct).isInstanceOf(DirectChannel.class);
            assertThat(direct.getName()).isEqualTo("d");
            assertThat(queue).isInstanceOf(QueueChannel.class);
            assertThat(((QueueChannel) queue).getRemainingCapacity()).isEqualTo(25);
            assertThat(((QueueChannel) named).getRemainingCapacity()).isEqualTo(3);
            assertThat(priority).isInstanceOf(PriorityChannel.class);
            assertThat(rendezvous).isInstanceOf(RendezvousChannel.class);
            assertThat(pubsub).isInstanceOf(PublishSubscribeChannel.class);
            assertThat(MessageChannels.executor("e", executor)).isInstanceOf(ExecutorChannel.class);
            assertThat(MessageChannels.publishSubscribe("pe", executor)).isInstanceOf(PublishSubscribeChannel.class);
        } finally {
            executor.shutdownNow();
        }
    }
}
