package dev.junction.impl.channel;

import dev.junction.impl.testing.DaemonThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RendezvousChannelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = DaemonThreads.cached("rendezvous-channel-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void sendWaitsUntilAReceiverTakesTheMessage() throws Exception {
        RendezvousChannel channel = new RendezvousChannel("handoff");
        AtomicReference<Thread> sender = new AtomicReference<>();

        Future<Boolean> blockedSend = threads.submit(() -> {
            sender.set(Thread.currentThread());
            return channel.send(Message.of("baton"));
        });
        await().atMost(PATIENCE).until(() -> sender.get() != null && sender.get().getState() == Thread.State.WAITING);
        assertThat(blockedSend).isNotDone();
        assertThat(channel.getQueueSize()).as("a rendezvous holds nothing").isZero();

        Message<?> received = channel.receive(PATIENCE);
        assertThat(received.getPayload()).isEqualTo("baton");
        assertThat(blockedSend.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void receiveWaitsUntilASenderHandsAMessageOver() throws Exception {
        RendezvousChannel channel = new RendezvousChannel("handoff");
        AtomicReference<Thread> receiver = new AtomicReference<>();

        Future<Message<?>> blockedReceive = threads.submit(() -> {
            receiver.set(Thread.currentThread());
            return channel.receive();
        });
        await().atMost(PATIENCE).until(() -> receiver.get() != null && receiver.get().getState() == Thread.State.WAITING);

        // the receiver is waiting, so even a send that does not wait finds a partner
        await().atMost(PATIENCE).until(() -> channel.send(Message.of("baton"), Duration.ZERO));
        assertThat(blockedReceive.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).getPayload()).isEqualTo("baton");
    }

    @Test
    void sendWithoutAWaitingReceiverFailsAtOnceWithZeroTimeoutAndAfterTheTimeoutOtherwise() {
        RendezvousChannel channel = new RendezvousChannel("lonely");
        assertThat(channel.send(Message.of("x"), Duration.ZERO)).isFalse();
        assertThat(channel.send(Message.of("x"), Duration.ofMillis(50))).isFalse();
        assertThat(channel.getRemainingCapacity()).isZero();
    }

    @Test
    void receiveWithoutASenderReturnsNull() {
        RendezvousChannel channel = new RendezvousChannel("lonely");
        assertThat(channel.receive(Duration.ZERO)).isNull();
        assertThat(channel.receive(Duration.ofMillis(50))).isNull();
    }

    @Test
    void servesAsATemporaryReplyChannel() throws Exception {
        QueueChannel requests = new QueueChannel("requests");
        Future<Boolean> responder = threads.submit(() -> {
            Message<?> request = requests.receive(PATIENCE);
            MessageChannel replyChannel = (MessageChannel) request.getHeaders().getReplyChannel();
            Message<String> reply = MessageBuilder.withPayload(request.getPayload().toString().toUpperCase())
                    .setCorrelationId(request.getHeaders().getId()).build();
            return replyChannel.send(reply, PATIENCE);
        });

        RendezvousChannel replies = new RendezvousChannel("reply-for-one-request");
        Message<String> request = MessageBuilder.withPayload("ping").setReplyChannel(replies).build();
        requests.send(request);

        Message<?> reply = replies.receive(PATIENCE);
        assertThat(reply.getPayload()).isEqualTo("PING");
        assertThat(reply.getHeaders()).containsEntry(MessageHeaders.CORRELATION_ID, request.getHeaders().getId());
        assertThat(responder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the responder knows its reply was taken").isTrue();
    }
}
