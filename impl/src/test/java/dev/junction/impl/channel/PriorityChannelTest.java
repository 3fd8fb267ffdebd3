package dev.junction.impl.channel;

import dev.junction.impl.testing.DaemonThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PriorityChannelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = DaemonThreads.cached("priority-channel-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void highestPriorityFirstAndArrivalOrderWithinOnePriority() {
        PriorityChannel channel = new PriorityChannel("urgent");
        channel.send(withPriority("low-1", 1));
        channel.send(Message.of("none-1"));                 // no header counts as priority 0
        channel.send(withPriority("high-1", 9));
        channel.send(withPriority("zero-1", 0));
        channel.send(withPriority("low-2", 1));
        channel.send(withPriority("high-2", 9));
        channel.send(Message.of("none-2"));
        channel.send(withPriority("negative", -3));

        assertThat(drain(channel)).containsExactly(
                "high-1", "high-2", "low-1", "low-2", "none-1", "zero-1", "none-2", "negative");
    }

    @Test
    void manyMessagesOfEqualPriorityLeaveInArrivalOrder() {
        PriorityChannel channel = new PriorityChannel("fifo");
        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            channel.send(withPriority(i, 5));
            sent.add(i);
        }
        assertThat(drain(channel)).isEqualTo(sent);
    }

    @Test
    void aCustomComparatorDecidesTheOrderAndEqualMessagesStayInArrivalOrder() {
        Comparator<Message<?>> shortestPayloadFirst = Comparator.comparingInt(m -> ((String) m.getPayload()).length());
        PriorityChannel channel = PriorityChannel.builder().name("custom").comparator(shortestPayloadFirst).build();
        for (String payload : List.of("ccc", "bb", "a", "dd", "e", "fff")) {
            // the priority header is ignored by a custom comparator
            channel.send(withPriority(payload, payload.equals("fff") ? 100 : 0));
        }

        assertThat(drain(channel)).containsExactly("a", "e", "bb", "dd", "ccc", "fff");
    }

    @Test
    void receiveOnAnEmptyChannelReturnsNullAfterTheTimeout() {
        PriorityChannel channel = new PriorityChannel("empty");
        assertThat(channel.receive(Duration.ZERO)).isNull();
        assertThat(channel.receive(Duration.ofMillis(50))).isNull();
    }

    @Test
    void aBoundedChannelBlocksTheSenderUntilAReceiveFreesAPlace() throws Exception {
        PriorityChannel channel = PriorityChannel.builder().name("bounded").capacity(2).build();
        channel.send(withPriority("low", 1));
        channel.send(withPriority("high", 5));
        AtomicReference<Thread> sender = new AtomicReference<>();

        Future<Boolean> blockedSend = threads.submit(() -> {
            sender.set(Thread.currentThread());
            return channel.send(withPriority("highest", 9));
        });
        await().atMost(PATIENCE).until(() -> sender.get() != null && sender.get().getState() == Thread.State.WAITING);
        assertThat(blockedSend).isNotDone();
        assertThat(channel.getQueueSize()).isEqualTo(2);

        assertThat(channel.receive(Duration.ZERO).getPayload()).isEqualTo("high");
        assertThat(blockedSend.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(drain(channel)).containsExactly("highest", "low");
    }

    @Test
    void aTimedSendOnAFullChannelFailsAfterTheTimeoutAndAZeroTimeoutFailsAtOnce() {
        PriorityChannel channel = PriorityChannel.builder().name("bounded").capacity(1).build();
        assertThat(channel.send(Message.of("only"), Duration.ZERO)).isTrue();

        long start = System.nanoTime();
        assertThat(channel.send(withPriority("urgent", 9), Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(channel.send(withPriority("urgent", 9), Duration.ZERO)).isFalse();
        assertThat(channel.getQueueSize()).isEqualTo(1);
    }

    @Test
    void eachReceiveReleasesOnePlace() {
        PriorityChannel channel = PriorityChannel.builder().name("bounded").capacity(2).build();
        for (int round = 0; round < 100; round++) {
            assertThat(channel.send(Message.of("a"), Duration.ZERO)).isTrue();
            assertThat(channel.send(Message.of("b"), Duration.ZERO)).isTrue();
            assertThat(channel.send(Message.of("c"), Duration.ZERO)).as("full in round " + round).isFalse();
            assertThat(channel.receive(Duration.ZERO)).isNotNull();
            assertThat(channel.receive(Duration.ZERO)).isNotNull();
            assertThat(channel.receive(Duration.ZERO)).isNull();
        }
    }

    @Test
    void anInterruptedSendOnAFullChannelReturnsFalseAndKeepsTheInterruptFlag() throws Exception {
        PriorityChannel channel = PriorityChannel.builder().name("bounded").capacity(1).build();
        channel.send(Message.of("only"));
        AtomicReference<Thread> sender = new AtomicReference<>();

        Future<Boolean> interruptedSend = threads.submit(() -> {
            sender.set(Thread.currentThread());
            return !channel.send(Message.of("more")) && Thread.currentThread().isInterrupted();
        });
        await().atMost(PATIENCE).until(() -> sender.get() != null && sender.get().getState() == Thread.State.WAITING);
        sender.get().interrupt();

        assertThat(interruptedSend.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("refused, flag kept").isTrue();
        assertThat(channel.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aComparatorFailureRejectsTheMessageWithoutCostingAPlace() {
        Comparator<Message<?>> failsOnPoison = Comparator.comparing(m -> {
            if ("poison".equals(m.getPayload())) {
                throw new IllegalStateException("cannot rank poison");
            }
            return (String) m.getPayload();
        });
        PriorityChannel channel = PriorityChannel.builder().name("bounded").capacity(2).comparator(failsOnPoison).build();
        channel.send(Message.of("a"));

        assertThatThrownBy(() -> channel.send(Message.of("poison"), Duration.ZERO))
                .isInstanceOf(MessageDeliveryException.class).hasRootCauseMessage("cannot rank poison");
        assertThat(channel.getQueueSize()).isEqualTo(1);
        assertThat(channel.send(Message.of("b"), Duration.ZERO)).as("the free place is still available").isTrue();
        assertThat(drain(channel)).containsExactly("a", "b");
    }

    @Test
    void aCapacityBelowOneIsRejected() {
        assertThatThrownBy(() -> PriorityChannel.builder().capacity(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Message<?> withPriority(Object payload, int priority) {
        return MessageBuilder.withPayload(payload).setPriority(priority).build();
    }

    private static List<Object> drain(PriorityChannel channel) {
        List<Object> payloads = new ArrayList<>();
        for (Message<?> message = channel.receive(Duration.ZERO); message != null; message = channel.receive(Duration.ZERO)) {
            payloads.add(message.getPayload());
        }
        return payloads;
    }
}
