package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.support.ChannelResolver;
import dev.junction.impl.support.MessagePublishingErrorHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublishSubscribeChannelTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void everySubscriberGetsTheSameMessageInTheSendersThread() {
        PublishSubscribeChannel channel = new PublishSubscribeChannel("events");
        List<Message<?>> received = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            channel.subscribe(message -> {
                received.add(message);
                threads.add(Thread.currentThread());
            });
        }
        Message<String> message = Message.of("event");

        assertThat(channel.send(message)).isTrue();
        assertThat(received).hasSize(3).allSatisfy(m -> assertThat(m).isSameAs(message));
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void applySequenceStampsEachCopy() {
        PublishSubscribeChannel channel = PublishSubscribeChannel.builder().name("seq").applySequence(true).build();
        List<Message<?>> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            channel.subscribe(received::add);
        }
        Message<String> message = Message.of("event");

        channel.send(message);
        assertThat(received).hasSize(3);
        for (int i = 0; i < 3; i++) {
            MessageHeaders headers = received.get(i).getHeaders();
            assertThat(received.get(i)).isNotSameAs(message);
            assertThat(received.get(i).getPayload()).isSameAs(message.getPayload());
            assertThat(headers.getCorrelationId()).isEqualTo(message.getHeaders().getId());
            assertThat(headers.get(MessageHeaders.SEQUENCE_NUMBER)).isEqualTo(i + 1);
            assertThat(headers.get(MessageHeaders.SEQUENCE_SIZE)).isEqualTo(3);
        }
    }

    @Test
    void withoutSubscribersASendSucceedsUnlessSubscribersAreRequired() {
        assertThat(new PublishSubscribeChannel("quiet").send(Message.of("x"))).isTrue();

        PublishSubscribeChannel strict = PublishSubscribeChannel.builder().name("strict").requireSubscribers(true).build();
        assertThatThrownBy(() -> strict.send(Message.of("x")))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("'strict' has no subscribers");
    }

    @Test
    void aSendReportsFailureBelowTheMinimumSubscribers() {
        PublishSubscribeChannel channel = PublishSubscribeChannel.builder().name("min").minSubscribers(2).build();
        channel.subscribe(m -> { });
        assertThat(channel.send(Message.of("x"))).isFalse();
        channel.subscribe(m -> { });
        assertThat(channel.send(Message.of("x"))).isTrue();
    }

    @Test
    void withoutExecutorAFailureReachesTheSender() {
        PublishSubscribeChannel channel = new PublishSubscribeChannel("sync");
        channel.subscribe(m -> {
            throw new IllegalStateException("subscriber broke");
        });
        assertThatThrownBy(() -> channel.send(Message.of("x")))
                .isInstanceOf(MessageHandlingException.class).hasRootCauseMessage("subscriber broke");
    }

    @Test
    void withAnExecutorEverySubscriberRunsThereAndFailuresArePublishedToTheErrorChannelHeader() {
        PublishSubscribeChannel channel = PublishSubscribeChannel.builder().name("async").executor(executor).build();
        List<String> threads = new CopyOnWriteArrayList<>();
        channel.subscribe(m -> threads.add(Thread.currentThread().getName()));
        channel.subscribe(m -> {
            throw new IllegalStateException("second broke");
        });
        QueueChannel errors = new QueueChannel("errors");
        Message<String> message = MessageBuilder.withPayload("x").setErrorChannel(errors).build();

        assertThat(channel.send(message)).isTrue();
        Message<?> error = errors.receive(Duration.ofSeconds(10));
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).hasRootCauseMessage("second broke");
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 1);
        assertThat(threads.get(0)).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void anErrorChannelNameIsResolvedAndWithoutOneTheGlobalErrorChannelIsUsed() {
        QueueChannel named = new QueueChannel("namedErrors");
        ErrorChannel global = new ErrorChannel();
        QueueChannel globalCollected = new QueueChannel("globalCollected");
        global.subscribe(globalCollected::send);
        Map<String, MessageChannel> channels = Map.of("namedErrors", named);
        ChannelResolver resolver = name -> {
            MessageChannel found = channels.get(name);
            if (found == null) {
                throw new DestinationResolutionException(null, "no channel named " + name);
            }
            return found;
        };
        PublishSubscribeChannel channel = PublishSubscribeChannel.builder().name("async").executor(executor)
                .errorHandler(new MessagePublishingErrorHandler(resolver, global)).build();
        channel.subscribe(m -> {
            throw new IllegalStateException("broke: " + m.getPayload());
        });

        channel.send(MessageBuilder.withPayload("named").setErrorChannel("namedErrors").build());
        channel.send(Message.of("global"));
        channel.send(MessageBuilder.withPayload("unresolvable").setErrorChannel("nowhere").build());

        assertThat((Throwable) named.receive(Duration.ofSeconds(10)).getPayload()).hasRootCauseMessage("broke: named");
        List<String> globalCauses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message<?> error = globalCollected.receive(Duration.ofSeconds(10));
            assertThat(error).isNotNull();
            Throwable failure = (Throwable) error.getPayload();
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            globalCauses.add(root.getMessage());
            if (root.getMessage().endsWith("unresolvable")) {
                assertThat(failure.getSuppressed()).hasAtLeastOneElementOfType(DestinationResolutionException.class);
            }
        }
        assertThat(globalCauses).containsExactlyInAnyOrder("broke: global", "broke: unresolvable");
    }

    @Test
    void minSubscribersCountsPresenceWhenAnExecutorRunsTheHandlers() {
        PublishSubscribeChannel channel = PublishSubscribeChannel.builder().name("asyncmin").executor(executor)
                .minSubscribers(1).build();
        assertThat(channel.send(Message.of("x"))).isFalse();
        channel.subscribe(m -> {
            throw new IllegalStateException("fails later, on the executor");
        });
        assertThat(channel.send(Message.of("x"))).isTrue();
    }
}
