package dev.junction.impl.channel;

import dev.junction.impl.testing.DaemonThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueChannelTest {

    /** Upper bound for anything that should happen promptly; generous so a slow CI machine does not fail. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = DaemonThreads.cached("queue-channel-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void deliversInArrivalOrder() {
        QueueChannel channel = new QueueChannel("fifo");
        for (int i = 0; i < 5; i++) {
            assertThat(channel.send(Message.of(i))).isTrue();
        }

        List<Object> received = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            received.add(channel.receive(Duration.ZERO).getPayload());
        }
        assertThat(received).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void isUnboundedByDefault() {
        QueueChannel channel = new QueueChannel("unbounded");
        for (int i = 0; i < 10_000; i++) {
            assertThat(channel.send(Message.of(i), Duration.ZERO)).isTrue();
        }
        assertThat(channel.getQueueSize()).isEqualTo(10_000);
        assertThat(channel.getRemainingCapacity()).isEqualTo(Integer.MAX_VALUE - 10_000);
    }

    @Test
    void sendOnAFullChannelBlocksUntilAReceiveMakesRoom() throws Exception {
        QueueChannel channel = new QueueChannel("bounded", 1);
        channel.send(Message.of("first"));
        AtomicReference<Thread> sender = new AtomicReference<>();

        Future<Boolean> blockedSend = threads.submit(() -> {
            sender.set(Thread.currentThread());
            return channel.send(Message.of("second"));
        });
        awaitState(sender, Thread.State.WAITING);
        assertThat(blockedSend).isNotDone();
        assertThat(channel.getQueueSize()).isEqualTo(1);

        assertThat(channel.receive(Duration.ZERO).getPayload()).isEqualTo("first");
        assertThat(blockedSend.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(channel.receive(Duration.ZERO).getPayload()).isEqualTo("second");
    }

    @Test
    void timedSendOnAFullChannelGivesUpAfterTheTimeout() {
        QueueChannel channel = new QueueChannel("bounded", 1);
        channel.send(Message.of("first"));

        long start = System.nanoTime();
        assertThat(channel.send(Message.of("second"), Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(channel.getQueueSize()).isEqualTo(1);
    }

    @Test
    void sendWithZeroTimeoutOnAFullChannelFailsAtOnce() {
        QueueChannel channel = new QueueChannel("bounded", 2);
        assertThat(channel.send(Message.of("a"), Duration.ZERO)).isTrue();
        assertThat(channel.send(Message.of("b"), Duration.ZERO)).isTrue();

        assertThat(channel.send(Message.of("c"), Duration.ZERO)).isFalse();
        assertThat(channel.getQueueSize()).isEqualTo(2);
    }

    @Test
    void receiveBlocksUntilAnotherThreadSends() throws Exception {
        QueueChannel channel = new QueueChannel("waiting");
        AtomicReference<Thread> receiver = new AtomicReference<>();

        Future<Message<?>> blockedReceive = threads.submit(() -> {
            receiver.set(Thread.currentThread());
            return channel.receive();
        });
        awaitState(receiver, Thread.State.WAITING);
        assertThat(blockedReceive).isNotDone();

        channel.send(Message.of("hello"));
        assertThat(blockedReceive.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).getPayload()).isEqualTo("hello");
    }

    @Test
    void receiveWithZeroTimeoutOnAnEmptyChannelReturnsNullAtOnce() {
        assertThat(new QueueChannel("empty").receive(Duration.ZERO)).isNull();
    }

    @Test
    void timedReceiveReturnsNullAfterTheTimeout() {
        QueueChannel channel = new QueueChannel("empty");

        long start = System.nanoTime();
        assertThat(channel.receive(Duration.ofMillis(100))).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void anInterruptedSendReturnsFalseAndKeepsTheInterruptFlag() throws Exception {
        QueueChannel channel = new QueueChannel("bounded", 1);
        channel.send(Message.of("first"));
        AtomicReference<Thread> sender = new AtomicReference<>();

        Future<boolean[]> interruptedSend = threads.submit(() -> {
            sender.set(Thread.currentThread());
            boolean sent = channel.send(Message.of("second"));
            return new boolean[] {sent, Thread.currentThread().isInterrupted()};
        });
        awaitState(sender, Thread.State.WAITING);
        sender.get().interrupt();

        boolean[] sentAndFlag = interruptedSend.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(sentAndFlag[0]).as("sent").isFalse();
        assertThat(sentAndFlag[1]).as("interrupt flag kept").isTrue();
        assertThat(channel.getQueueSize()).isEqualTo(1);
    }

    @Test
    void anInterruptedReceiveReturnsNullAndKeepsTheInterruptFlag() throws Exception {
        QueueChannel channel = new QueueChannel("empty");
        AtomicReference<Thread> receiver = new AtomicReference<>();
        AtomicReference<Boolean> flagAfterReceive = new AtomicReference<>();

        Future<Message<?>> interruptedReceive = threads.submit(() -> {
            receiver.set(Thread.currentThread());
            Message<?> message = channel.receive(PATIENCE.multipliedBy(6));
            flagAfterReceive.set(Thread.currentThread().isInterrupted());
            return message;
        });
        awaitState(receiver, Thread.State.TIMED_WAITING);
        receiver.get().interrupt();

        assertThat(interruptedReceive.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(flagAfterReceive.get()).isTrue();
    }

    @Test
    void aCapacityBelowOneIsRejected() {
        assertThatThrownBy(() -> new QueueChannel("none", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RendezvousChannel");
        assertThatThrownBy(() -> QueueChannel.builder().capacity(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeTimeoutIsRejected() {
        QueueChannel channel = new QueueChannel("c");
        assertThatThrownBy(() -> channel.send(Message.of("x"), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel.receive(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(channel.getQueueSize()).isZero();
    }

    @Test
    void sizeAndRemainingCapacityFollowSendsAndReceives() {
        QueueChannel channel = new QueueChannel("bounded", 3);
        assertThat(channel.getRemainingCapacity()).isEqualTo(3);

        channel.send(Message.of("a"));
        channel.send(Message.of("b"));
        assertThat(channel.getQueueSize()).isEqualTo(2);
        assertThat(channel.getRemainingCapacity()).isEqualTo(1);

        channel.receive(Duration.ZERO);
        assertThat(channel.getQueueSize()).isEqualTo(1);
        assertThat(channel.getRemainingCapacity()).isEqualTo(2);
    }

    @Test
    void clearRemovesAndReturnsEveryWaitingMessageInOrder() {
        QueueChannel channel = new QueueChannel("c", 3);
        channel.send(Message.of("a"));
        channel.send(Message.of("b"));

        assertThat(payloads(channel.clear())).containsExactly("a", "b");
        assertThat(channel.getQueueSize()).isZero();
        assertThat(channel.getRemainingCapacity()).isEqualTo(3);
        assertThat(channel.receive(Duration.ZERO)).isNull();
    }

    @Test
    void purgeRemovesTheMessagesTheSelectorRejectsAndKeepsTheOrderOfTheOthers() {
        QueueChannel channel = new QueueChannel("c");
        for (int i = 1; i <= 6; i++) {
            channel.send(MessageBuilder.withPayload(i).build());
        }

        List<Message<?>> removed = channel.purge(message -> (Integer) message.getPayload() % 2 == 0);

        assertThat(payloads(removed)).containsExactly(1, 3, 5);
        assertThat(payloads(channel.clear())).containsExactly(2, 4, 6);
    }

    @Test
    void concurrentProducersAndConsumersNeitherLoseNorDuplicateMessages() throws Exception {
        int producers = 4;
        int perProducer = 10_000;
        int consumers = 2;
        // small capacity, so producers really block on a full queue while consumers drain it
        QueueChannel channel = new QueueChannel("busy", 64);
        String stop = "stop";

        List<Future<List<String>>> consumed = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            consumed.add(threads.submit(consumeUntil(channel, stop)));
        }
        List<Future<?>> produced = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String producer = "p" + p;
            produced.add(threads.submit(() -> {
                for (int i = 0; i < perProducer; i++) {
                    if (!channel.send(Message.of(producer + ":" + i))) {
                        throw new AssertionError("send failed");
                    }
                }
            }));
        }
        for (Future<?> producer : produced) {
            producer.get(60, TimeUnit.SECONDS);
        }
        for (int c = 0; c < consumers; c++) {
            channel.send(Message.of(stop));
        }

        Set<String> all = new HashSet<>();
        int total = 0;
        for (Future<List<String>> consumer : consumed) {
            List<String> payloads = consumer.get(60, TimeUnit.SECONDS);
            assertEachProducersMessagesInOrder(payloads);
            all.addAll(payloads);
            total += payloads.size();
        }
        assertThat(total).as("received, duplicates included").isEqualTo(producers * perProducer);
        assertThat(all).as("distinct payloads").hasSize(producers * perProducer);
        assertThat(channel.getQueueSize()).isZero();
    }

    private static Callable<List<String>> consumeUntil(QueueChannel channel, String stop) {
        return () -> {
            List<String> payloads = new ArrayList<>();
            while (true) {
                Message<?> message = channel.receive(Duration.ofSeconds(60));
                if (message == null) {
                    throw new AssertionError("no message within 60 s; received " + payloads.size());
                }
                if (stop.equals(message.getPayload())) {
                    return payloads;
                }
                payloads.add((String) message.getPayload());
            }
        };
    }

    /** A consumer takes messages in queue order, so it sees each producer's messages in the order they were sent. */
    private static void assertEachProducersMessagesInOrder(List<String> payloads) {
        int[] lastSeen = {-1, -1, -1, -1};
        for (String payload : payloads) {
            int producer = payload.charAt(1) - '0';
            int sequence = Integer.parseInt(payload.substring(payload.indexOf(':') + 1));
            assertThat(sequence).as(payload).isGreaterThan(lastSeen[producer]);
            lastSeen[producer] = sequence;
        }
    }

    private static List<Object> payloads(List<Message<?>> messages) {
        return messages.stream().map(message -> (Object) message.getPayload()).toList();
    }

    /** Waits until the thread has started and is parked in the given state. */
    private static void awaitState(AtomicReference<Thread> thread, Thread.State state) {
        await().atMost(PATIENCE).until(() -> thread.get() != null && thread.get().getState() == state);
    }
}
