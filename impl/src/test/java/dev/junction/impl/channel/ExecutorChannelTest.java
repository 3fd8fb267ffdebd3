package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.support.MessagePublishingErrorHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorChannelTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "executor-channel-test");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void handlerRunsOnTheExecutorAndSendDoesNotWaitForIt() throws Exception {
        ExecutorChannel channel = new ExecutorChannel("async", executor);
        CountDownLatch release = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        channel.subscribe(message -> {
            threads.add(Thread.currentThread().getName());
            awaitLatch(release);
        });

        assertThat(channel.send(Message.of("x"))).isTrue();
        // send returned although the handler is still blocked on the latch
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 1);
        assertThat(threads).containsExactly("executor-channel-test");
    }

    @Test
    void aHandlerFailureGoesToTheErrorChannelOfTheMessage() {
        QueueChannel errors = new QueueChannel("errors");
        ExecutorChannel channel = new ExecutorChannel("async", executor);
        channel.subscribe(message -> {
            throw new IllegalStateException("handler broke");
        });
        Message<String> message = MessageBuilder.withPayload("x").setErrorChannel(errors).build();

        assertThat(channel.send(message)).isTrue();
        Message<?> error = errors.receive(Duration.ofSeconds(10));
        assertThat(error).isInstanceOf(ErrorMessage.class);
        MessagingException failure = (MessagingException) error.getPayload();
        assertThat(failure.getFailedMessage()).isSameAs(message);
        assertThat(failure).hasRootCauseMessage("handler broke");
    }

    @Test
    void aHandlerFailureGoesToTheConfiguredDefaultErrorChannel() {
        ErrorChannel errorChannel = new ErrorChannel();
        QueueChannel collected = new QueueChannel("collected");
        errorChannel.subscribe(collected::send);
        ExecutorChannel channel = ExecutorChannel.builder(executor).name("async")
                .errorHandler(new MessagePublishingErrorHandler(null, errorChannel)).build();
        channel.subscribe(message -> {
            throw new IllegalStateException("handler broke");
        });

        channel.send(Message.of("x"));
        Message<?> error = collected.receive(Duration.ofSeconds(10));
        assertThat(error).isNotNull();
        assertThat((Throwable) error.getPayload()).hasRootCauseMessage("handler broke");
    }

    @Test
    void failoverWorksOnTheExecutorThread() {
        ExecutorChannel channel = ExecutorChannel.builder(executor).name("failover").loadBalancing(LoadBalancing.NONE).build();
        List<String> calls = new CopyOnWriteArrayList<>();
        channel.subscribe(message -> {
            calls.add("primary");
            throw new IllegalStateException("down");
        });
        channel.subscribe(message -> calls.add("secondary"));

        channel.send(Message.of("x"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.contains("secondary"));
        assertThat(calls).containsExactly("primary", "secondary");
    }

    @Test
    void roundRobinSpreadsMessagesOverTheHandlers() {
        ExecutorChannel channel = new ExecutorChannel("rr", executor);
        List<String> calls = new CopyOnWriteArrayList<>();
        channel.subscribe(message -> calls.add("a"));
        channel.subscribe(message -> calls.add("b"));
        for (int i = 0; i < 10; i++) {
            channel.send(Message.of(i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() == 10);
        assertThat(calls).filteredOn("a"::equals).hasSize(5);
    }

    @Test
    void sendingWithoutSubscribersFailsAtOnce() {
        ExecutorChannel channel = new ExecutorChannel("empty", executor);
        assertThatThrownBy(() -> channel.send(Message.of("x")))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("'empty' has no subscribers");
    }

    @Test
    void aRejectingExecutorFailsTheSend() {
        ExecutorChannel channel = new ExecutorChannel("rejecting", task -> {
            throw new RejectedExecutionException("pool is full");
        });
        channel.subscribe(message -> { });
        Message<String> message = Message.of("x");
        assertThatThrownBy(() -> channel.send(message))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("'rejecting'")
                .hasMessageContaining("pool is full")
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
