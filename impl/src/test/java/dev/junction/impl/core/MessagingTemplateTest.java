package dev.junction.impl.core;

import dev.junction.impl.testing.DaemonThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ExecutorChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.support.MessagePublishingErrorHandler;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagingTemplateTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = DaemonThreads.cached("messaging-template-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    // ---- sendAndReceive ----

    @Test
    void aDirectFlowRepliesThroughTheReplyChannelHeader() {
        DirectChannel service = new DirectChannel("upper");
        AtomicReference<Message<?>> seenRequest = new AtomicReference<>();
        service.subscribe(request -> {
            seenRequest.set(request);
            replyTo(request, request.getPayload().toString().toUpperCase());
        });
        Message<String> request = MessageBuilder.withPayload("ping").setHeader("table", 4).build();

        Message<?> reply = new MessagingTemplate().sendAndReceive(service, request);

        assertThat(reply.getPayload()).isEqualTo("PING");
        Object replyChannel = seenRequest.get().getHeaders().getReplyChannel();
        assertThat(replyChannel).isInstanceOf(TemporaryReplyChannel.class);
        assertThat(seenRequest.get().getHeaders().getErrorChannel()).isSameAs(replyChannel);
        assertThat(seenRequest.get().getHeaders()).containsEntry("table", 4);
        assertThat(request.getHeaders().getReplyChannel()).as("the caller's message is not changed").isNull();
    }

    @Test
    void aQueuedRequestIsAnsweredByAResponderThread() {
        QueueChannel requests = new QueueChannel("requests", 10);
        Future<Boolean> responder = threads.submit(() -> {
            Message<?> request = requests.receive(PATIENCE);
            return replyTo(request, "echo " + request.getPayload());
        });

        MessagingTemplate template = MessagingTemplate.builder().receiveTimeout(PATIENCE).build();
        Message<?> reply = template.sendAndReceive(requests, Message.of("hello"));

        assertThat(reply.getPayload()).isEqualTo("echo hello");
        await().atMost(PATIENCE).until(responder::isDone);
    }

    @Test
    void aReplyAfterTheTimeoutIsRefusedAndNotRetained() throws Exception {
        QueueChannel requests = new QueueChannel("requests");
        CountDownLatch requesterGaveUp = new CountDownLatch(1);
        AtomicReference<Message<?>> heldRequest = new AtomicReference<>();
        Future<WeakReference<Message<?>>> responder = threads.submit(() -> {
            Message<?> request = requests.receive(PATIENCE);
            heldRequest.set(request); // keeps the temporary channel reachable, as a slow flow would
            requesterGaveUp.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Message<String> late = Message.of("too late");
            assertThat(replyChannelOf(request).send(late)).as("late reply accepted").isFalse();
            return new WeakReference<>(late);
        });

        Message<?> reply = new MessagingTemplate().sendAndReceive(requests, Message.of("slow"), Duration.ofMillis(50));
        assertThat(reply).isNull();
        requesterGaveUp.countDown();

        WeakReference<Message<?>> lateReply = responder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        TemporaryReplyChannelTest.awaitCollected(lateReply);
        assertThat(heldRequest.get()).as("the temporary channel was still reachable").isNotNull();
    }

    @Test
    void aFailingDirectFlowPropagatesToTheCallerWithTheFailedMessage() {
        DirectChannel service = new DirectChannel("broken");
        service.subscribe(request -> {
            throw new IllegalStateException("out of beans");
        });

        Throwable thrown = catchFailure(() -> new MessagingTemplate().sendAndReceive(service, Message.of("order")));

        assertThat(thrown).isInstanceOf(MessagingException.class).hasRootCauseMessage("out of beans");
        Message<?> failed = ((MessagingException) thrown).getFailedMessage();
        assertThat(failed.getPayload()).isEqualTo("order");
        TemporaryReplyChannel replies = (TemporaryReplyChannel) replyChannelOf(failed);
        assertThat(replies.isClosed()).as("nobody waits any more").isTrue();
        assertThat(replies.send(Message.of("late"))).isFalse();
    }

    @Test
    void anErrorMessageReplyIsRethrownAsItsMessagingException() {
        DirectChannel service = new DirectChannel("failsAsynchronously");
        MessagingException failure = new MessagingException(Message.of("inner"), "inventory unavailable");
        service.subscribe(request -> errorChannelOf(request).send(new ErrorMessage(failure, request)));

        assertThatThrownBy(() -> new MessagingTemplate().sendAndReceive(service, Message.of("order"))).isSameAs(failure);
    }

    @Test
    void anErrorMessageWithAPlainThrowableIsWrappedWithTheOriginalMessage() {
        DirectChannel service = new DirectChannel("failsAsynchronously");
        service.subscribe(request -> errorChannelOf(request)
                .send(new ErrorMessage(new IllegalStateException("jammed"), request)));

        Throwable thrown = catchFailure(() -> new MessagingTemplate().sendAndReceive(service, Message.of("order")));

        assertThat(thrown).isInstanceOf(MessageHandlingException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(((MessagingException) thrown).getFailedMessage().getPayload()).isEqualTo("order");
    }

    @Test
    void aFailureOnAnExecutorThreadReachesTheCallerThroughTheErrorChannelHeader() {
        ExecutorChannel service = ExecutorChannel.builder(threads).name("async")
                .errorHandler(MessagePublishingErrorHandler.loggingOnly()).build();
        service.subscribe(request -> {
            throw new IllegalArgumentException("no such drink: " + request.getPayload());
        });
        MessagingTemplate template = MessagingTemplate.builder().receiveTimeout(PATIENCE).build();

        Throwable thrown = catchFailure(() -> template.sendAndReceive(service, Message.of("tea")));

        assertThat(thrown).isInstanceOf(MessagingException.class).hasRootCauseMessage("no such drink: tea");
        assertThat(((MessagingException) thrown).getFailedMessage().getPayload()).isEqualTo("tea");
    }

    @Test
    void aNegativeReplyTimeoutIsRejectedBeforeAnythingIsSent() {
        QueueChannel requests = new QueueChannel("requests");
        assertThatThrownBy(() -> new MessagingTemplate().sendAndReceive(requests, Message.of("x"), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests.getQueueSize()).isZero();
    }

    @Test
    void manyTimedOutRequestsWithLateRepliesLeaveNothingBehind() {
        QueueChannel requests = new QueueChannel("requests");
        MessagingTemplate template = MessagingTemplate.builder().receiveTimeout(Duration.ZERO).build();
        int count = 10_000;
        for (int i = 0; i < count; i++) {
            assertThat(template.sendAndReceive(requests, Message.of(i))).isNull();
        }

        // the queue still holds every request, so every temporary channel is still reachable
        List<Message<?>> pending = requests.clear();
        assertThat(pending).hasSize(count);
        List<WeakReference<Message<?>>> sampledLateReplies = sendLateReplies(pending);
        awaitAllCollected(sampledLateReplies);

        // and once the flow lets go of the requests, the temporary channels are garbage too: nothing registers them
        List<WeakReference<Object>> sampledChannels = new ArrayList<>();
        for (int i = 0; i < count; i += 100) {
            sampledChannels.add(new WeakReference<>(pending.get(i).getHeaders().getReplyChannel()));
        }
        pending.clear();
        awaitAllCollected(sampledChannels);
    }

    // ---- send and receive ----

    @Test
    void sendReturnsTrueWhenTheChannelAcceptsTheMessage() {
        QueueChannel channel = new QueueChannel("c", 1);
        assertThat(new MessagingTemplate().send(channel, Message.of("x"))).isTrue();
        assertThat(channel.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aSendThatTimesOutOnAFullChannelThrowsNamingTheChannelAndTheTimeout() {
        QueueChannel full = new QueueChannel("full", 1);
        full.send(Message.of("first"));
        MessagingTemplate template = MessagingTemplate.builder().sendTimeout(Duration.ofMillis(50)).build();
        Message<String> second = Message.of("second");

        assertThatThrownBy(() -> template.send(full, second))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("'full'").hasMessageContaining("PT0.05S")
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(second));
        assertThat(full.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aSendStoppedByAnInterceptorThrowsEvenWithoutASendTimeout() {
        QueueChannel guarded = QueueChannel.builder().name("guarded").interceptor(new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                return null;
            }
        }).build();

        assertThatThrownBy(() -> new MessagingTemplate().send(guarded, Message.of("x")))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("'guarded'").hasMessageContaining("indefinite");
    }

    @Test
    void sendAndReceiveOnAFullChannelThrowsAndNeverWaitsForAReply() {
        QueueChannel full = new QueueChannel("full", 1);
        full.send(Message.of("first"));
        MessagingTemplate template = MessagingTemplate.builder().sendTimeout(Duration.ZERO).build();

        assertThatThrownBy(() -> template.sendAndReceive(full, Message.of("request")))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("'full'");
    }

    @Test
    void receiveOnAnEmptyChannelReturnsNullAfterTheReceiveTimeout() {
        QueueChannel empty = new QueueChannel("empty");
        assertThat(MessagingTemplate.builder().receiveTimeout(Duration.ZERO).build().receive(empty)).isNull();
        assertThat(MessagingTemplate.builder().receiveTimeout(Duration.ofMillis(20)).build().receive(empty)).isNull();
    }

    @Test
    void receiveReturnsAWaitingMessage() {
        QueueChannel channel = new QueueChannel("c");
        Message<String> message = Message.of("x");
        channel.send(message);
        assertThat(MessagingTemplate.builder().receiveTimeout(Duration.ZERO).build().receive(channel)).isSameAs(message);
    }

    @Test
    void theDefaultDestinationServesTheMethodsWithoutAChannel() {
        QueueChannel channel = new QueueChannel("default");
        MessagingTemplate template = MessagingTemplate.builder().defaultDestination(channel)
                .receiveTimeout(Duration.ZERO).build();

        template.send(Message.of("x"));
        assertThat(template.receive().getPayload()).isEqualTo("x");
        assertThat(template.getDefaultDestination()).isSameAs(channel);
    }

    @Test
    void theMethodsWithoutAChannelNeedAFittingDefaultDestination() {
        MessagingTemplate none = new MessagingTemplate();
        assertThatThrownBy(() -> none.send(Message.of("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(none::receive).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> none.sendAndReceive(Message.of("x"))).isInstanceOf(IllegalStateException.class);

        MessagingTemplate direct = MessagingTemplate.builder().defaultDestination(new DirectChannel("d")).build();
        assertThatThrownBy(direct::receive).isInstanceOf(IllegalStateException.class).hasMessageContaining("'d'");
    }

    @Test
    void timeoutsDefaultToIndefiniteAndNegativeOnesAreRejected() {
        MessagingTemplate template = new MessagingTemplate();
        assertThat(template.getSendTimeout()).isNull();
        assertThat(template.getReceiveTimeout()).isNull();
        assertThatThrownBy(() -> MessagingTemplate.builder().sendTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessagingTemplate.builder().receiveTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    /** Sends a late reply to every request; returns weak references to every hundredth reply. */
    private static List<WeakReference<Message<?>>> sendLateReplies(List<Message<?>> requests) {
        List<WeakReference<Message<?>>> sample = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Message<String> late = Message.of("late reply " + i);
            assertThat(replyChannelOf(requests.get(i)).send(late)).as("late reply %d accepted", i).isFalse();
            if (i % 100 == 0) {
                sample.add(new WeakReference<>(late));
            }
        }
        return sample;
    }

    private static void awaitAllCollected(List<? extends WeakReference<?>> references) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            System.gc();
            return references.stream().allMatch(reference -> reference.get() == null);
        });
    }

    private static boolean replyTo(Message<?> request, Object payload) {
        return replyChannelOf(request).send(MessageBuilder.withPayload(payload).build());
    }

    private static MessageChannel replyChannelOf(Message<?> request) {
        return (MessageChannel) request.getHeaders().get(MessageHeaders.REPLY_CHANNEL);
    }

    private static MessageChannel errorChannelOf(Message<?> request) {
        return (MessageChannel) request.getHeaders().get(MessageHeaders.ERROR_CHANNEL);
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            return failure;
        }
        throw new AssertionError("expected a failure");
    }
}
