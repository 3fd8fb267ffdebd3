package dev.junction.impl.core;

import dev.junction.impl.testing.DaemonThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.message.Message;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TemporaryReplyChannelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = DaemonThreads.cached("temporary-reply-channel-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aReplySentBeforeTheReceiveIsHandedOverOnce() {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");
        Message<String> reply = Message.of("answer");

        assertThat(channel.send(reply)).isTrue();
        assertThat(channel.isClosed()).isFalse();
        assertThat(channel.receive(Duration.ZERO)).isSameAs(reply);
        assertThat(channel.isClosed()).isTrue();
        assertThat(channel.receive(Duration.ZERO)).as("one-shot").isNull();
    }

    @Test
    void receiveWaitsForAReplyFromAnotherThread() throws Exception {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");
        AtomicReference<Thread> requester = new AtomicReference<>();
        Future<Message<?>> waiting = threads.submit(() -> {
            requester.set(Thread.currentThread());
            return channel.receive();
        });
        await().atMost(PATIENCE).until(() -> requester.get() != null && requester.get().getState() == Thread.State.WAITING);

        assertThat(channel.send(Message.of("answer"))).isTrue();
        assertThat(waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).getPayload()).isEqualTo("answer");
    }

    @Test
    void aReplyAfterTheRequesterTimedOutIsRefused() {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");

        assertThat(channel.receive(Duration.ofMillis(20))).isNull();
        assertThat(channel.isClosed()).isTrue();
        assertThat(channel.send(Message.of("late"))).isFalse();
        assertThat(channel.receive(Duration.ZERO)).isNull();
    }

    @Test
    void aSecondReplyIsRefusedAndTheFirstOneIsKept() {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");
        Message<String> first = Message.of("first");

        assertThat(channel.send(first)).isTrue();
        assertThat(channel.send(Message.of("second"), Duration.ofSeconds(1))).isFalse();
        assertThat(channel.receive(Duration.ZERO)).isSameAs(first);
        assertThat(channel.send(Message.of("third"))).isFalse();
    }

    @Test
    void anInterruptedRequesterGivesUpKeepsItsInterruptFlagAndRefusesLaterReplies() throws Exception {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");
        AtomicReference<Thread> requester = new AtomicReference<>();
        CountDownLatch returned = new CountDownLatch(1);
        AtomicReference<Boolean> interruptFlag = new AtomicReference<>();
        Future<Message<?>> waiting = threads.submit(() -> {
            requester.set(Thread.currentThread());
            Message<?> reply = channel.receive();
            interruptFlag.set(Thread.currentThread().isInterrupted());
            returned.countDown();
            return reply;
        });
        await().atMost(PATIENCE).until(() -> requester.get() != null && requester.get().getState() == Thread.State.WAITING);

        requester.get().interrupt();
        assertThat(returned.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.get()).isNull();
        assertThat(interruptFlag.get()).isTrue();
        assertThat(channel.send(Message.of("late"))).isFalse();
    }

    @Test
    void giveUpDropsAnUnreceivedReplyAndRefusesLaterOnes() {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");
        channel.send(Message.of("unclaimed"));

        channel.giveUp();
        assertThat(channel.receive(Duration.ZERO)).isNull();
        assertThat(channel.send(Message.of("late"))).isFalse();
    }

    @Test
    void aRefusedLateReplyIsNotRetained() {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");
        assertThat(channel.receive(Duration.ZERO)).isNull();

        WeakReference<Message<?>> lateReply = sendLateReply(channel);

        // the channel is still strongly reachable here; only the reply may be collected
        awaitCollected(lateReply);
        assertThat(channel.isClosed()).isTrue();
    }

    @Test
    void aReplyRacingWithTheTimeoutIsEitherDeliveredOrRefusedNeverLost() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            TemporaryReplyChannel channel = new TemporaryReplyChannel(round);
            Message<Integer> reply = Message.of(round);
            Future<Boolean> responder = threads.submit(() -> channel.send(reply));

            // timeouts from 0 to 50 µs, so the reply lands before, during and after the wait
            Message<?> received = channel.receive(Duration.ofNanos((round % 50) * 1_000L));

            boolean accepted = responder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(accepted).as("round %d: send accepted exactly when the requester got the reply", round)
                    .isEqualTo(received != null);
            if (received != null) {
                assertThat(received).isSameAs(reply);
            }
        }
    }

    @Test
    void theNameDescribesTheRequest() {
        UUID requestId = UUID.randomUUID();
        TemporaryReplyChannel channel = new TemporaryReplyChannel(requestId);
        assertThat(channel.getName()).contains("temporaryReplyChannel").contains(requestId.toString());
        assertThat(channel).hasToString(channel.getName());
    }

    @Test
    void nullRepliesAndNegativeTimeoutsAreRejected() {
        TemporaryReplyChannel channel = new TemporaryReplyChannel("r1");
        assertThatThrownBy(() -> channel.send(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> channel.send(Message.of("x"), Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel.receive(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(channel.isClosed()).as("a rejected call does not end the exchange").isFalse();
    }

    /** In its own method, so no local variable of the caller keeps the reply reachable. */
    private static WeakReference<Message<?>> sendLateReply(TemporaryReplyChannel channel) {
        Message<String> late = Message.of("late " + UUID.randomUUID());
        assertThat(channel.send(late)).isFalse();
        return new WeakReference<>(late);
    }

    static void awaitCollected(WeakReference<?> reference) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            System.gc();
            return reference.get() == null;
        });
    }
}
