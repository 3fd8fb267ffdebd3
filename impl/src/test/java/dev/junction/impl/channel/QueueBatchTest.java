package dev.junction.impl.channel;

import dev.junction.impl.testing.DaemonThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.message.Message;
import dev.junction.impl.support.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A consumer's batch on a queue channel: what one fill takes, the places it keeps, putting back, and races. */
class QueueBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = DaemonThreads.cached("queue-batch-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static void sendPayloads(QueueChannel channel, int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(channel.send(Message.of(i), Duration.ZERO)).isTrue();
        }
    }

    private static List<Object> takeAll(QueueBatch batch) {
        List<Object> taken = new ArrayList<>();
        for (Message<?> message = batch.next(); message != null; message = batch.next()) {
            taken.add(message.getPayload());
        }
        return taken;
    }

    @Test
    void aFillTakesTheWaitingMessagesUpToItsSizeAndHandsThemOutInOrder() {
        QueueChannel channel = new QueueChannel("unbounded");
        sendPayloads(channel, 0, 100);
        QueueBatch batch = channel.newBatch();
        assertThat(batch.maxSize()).isEqualTo(QueueBatch.LARGEST);

        assertThat(batch.fill(0, Integer.MAX_VALUE)).isEqualTo(64);
        assertThat(channel.getQueueSize()).isEqualTo(36);
        assertThat(batch.remaining()).isEqualTo(64);
        assertThat(takeAll(batch)).containsExactlyElementsOf(range(0, 64));

        assertThat(batch.fill(0, 10)).as("never more than the caller allows").isEqualTo(10);
        assertThat(takeAll(batch)).containsExactlyElementsOf(range(64, 74));
        assertThat(batch.fill(0, Integer.MAX_VALUE)).isEqualTo(26);
        assertThat(takeAll(batch)).containsExactlyElementsOf(range(74, 100));
        assertThat(batch.fill(0, Integer.MAX_VALUE)).isZero();
    }

    @Test
    void aBoundedChannelBatchesASixteenthOfItsCapacityAtMost() {
        assertThat(new QueueChannel("large", 10_000).newBatch().maxSize()).isEqualTo(64);
        assertThat(new QueueChannel("medium", 160).newBatch().maxSize()).isEqualTo(10);
        assertThat(new QueueChannel("small", 10).newBatch().maxSize()).isEqualTo(1);
    }

    @Test
    void eachMessageOfTheBatchKeepsItsPlaceInTheChannelUntilItIsTaken() {
        QueueChannel channel = new QueueChannel("bounded", 32); // batches of 2
        sendPayloads(channel, 0, 32);
        QueueBatch batch = channel.newBatch();
        assertThat(batch.fill(0, Integer.MAX_VALUE)).isEqualTo(2);

        assertThat(channel.send(Message.of("over"), Duration.ZERO)).as("the batch still holds two places").isFalse();
        assertThat(channel.getRemainingCapacity()).isZero();
        assertThat(batch.next().getPayload()).isEqualTo(0);
        assertThat(channel.getRemainingCapacity()).isEqualTo(1);
        assertThat(channel.send(Message.of(32), Duration.ZERO)).isTrue();
        assertThat(channel.send(Message.of("over"), Duration.ZERO)).isFalse();

        assertThat(batch.next().getPayload()).isEqualTo(1);
        assertThat(channel.send(Message.of(33), Duration.ZERO)).isTrue();
        assertThat(channel.send(Message.of("over"), Duration.ZERO)).isFalse();
        assertThat(channel.getQueueSize()).isEqualTo(32);
    }

    @Test
    void aSenderBlockedOnAFullChannelGoesOnWhenAMessageOfTheBatchIsTaken() throws Exception {
        QueueChannel channel = new QueueChannel("bounded", 32);
        sendPayloads(channel, 0, 32);
        QueueBatch batch = channel.newBatch();
        assertThat(batch.fill(0, Integer.MAX_VALUE)).isEqualTo(2);
        AtomicReference<Thread> sender = new AtomicReference<>();
        Future<Boolean> blockedSend = threads.submit(() -> {
            sender.set(Thread.currentThread());
            return channel.send(Message.of(32));
        });
        await().atMost(PATIENCE).until(() -> sender.get() != null && sender.get().getState() == Thread.State.WAITING);
        assertThat(blockedSend).isNotDone();

        batch.next();

        assertThat(blockedSend.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(channel.getQueueSize()).isEqualTo(32);
    }

    @Test
    void putBackReturnsTheMessagesNotTakenToTheHeadOfTheChannelInOrder() {
        QueueChannel channel = new QueueChannel("bounded", 1024);
        sendPayloads(channel, 0, 100);
        QueueBatch batch = channel.newBatch();
        batch.fill(0, Integer.MAX_VALUE);
        batch.next();
        batch.next();

        assertThat(batch.putBack()).isEqualTo(62);

        assertThat(batch.remaining()).isZero();
        assertThat(batch.next()).isNull();
        assertThat(batch.putBack()).as("nothing left to put back").isZero();
        assertThat(channel.getQueueSize()).as("the two taken freed their places, the others kept theirs").isEqualTo(98);
        List<Object> rest = channel.clear().stream().map(message -> (Object) message.getPayload()).toList();
        assertThat(rest).containsExactlyElementsOf(range(2, 100));
        assertThat(channel.getRemainingCapacity()).isEqualTo(1024);
    }

    @Test
    void aBatchIsFilledOnlyOnceItsMessagesAreTaken() {
        QueueChannel channel = new QueueChannel("unbounded");
        sendPayloads(channel, 0, 5);
        QueueBatch batch = channel.newBatch();
        batch.fill(0, 3);
        batch.next();

        assertThatThrownBy(() -> batch.fill(0, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'unbounded'").hasMessageContaining("still holds 2 messages");
    }

    @Test
    void aFillWaitsForTheFirstMessageAndThenTakesWhatHasArrived() throws Exception {
        QueueChannel channel = new QueueChannel("waiting");
        QueueBatch batch = channel.newBatch();
        AtomicReference<Thread> filler = new AtomicReference<>();
        Future<Integer> fill = threads.submit(() -> {
            filler.set(Thread.currentThread());
            return batch.fill(Timeouts.INDEFINITE, Integer.MAX_VALUE);
        });
        await().atMost(PATIENCE).until(() -> filler.get() != null && filler.get().getState() == Thread.State.WAITING);

        channel.send(Message.of("first"));

        assertThat(fill.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(batch.next().getPayload()).isEqualTo("first");
    }

    @Test
    void aTimedFillOnAnEmptyChannelTakesNothing() {
        QueueBatch batch = new QueueChannel("empty").newBatch();

        assertThat(batch.fill(Duration.ofMillis(50).toNanos(), Integer.MAX_VALUE)).isZero();
        assertThat(batch.next()).isNull();
    }

    @Test
    void anInterruptedFillTakesNothingAndKeepsTheInterruptFlag() throws Exception {
        QueueChannel channel = new QueueChannel("empty");
        QueueBatch batch = channel.newBatch();
        AtomicReference<Thread> filler = new AtomicReference<>();
        Future<Boolean> fill = threads.submit(() -> {
            filler.set(Thread.currentThread());
            int taken = batch.fill(Timeouts.INDEFINITE, Integer.MAX_VALUE);
            return taken == 0 && Thread.currentThread().isInterrupted();
        });
        await().atMost(PATIENCE).until(() -> filler.get() != null && filler.get().getState() == Thread.State.WAITING);

        filler.get().interrupt();

        assertThat(fill.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        channel.send(Message.of("later"));
        assertThat(channel.receive(Duration.ZERO).getPayload()).as("the interrupted fill took nothing").isEqualTo("later");
    }

    @Test
    void aChannelWithInterceptorsIsNotReceivedFromInBatches() {
        QueueChannel channel = new QueueChannel("intercepted");
        channel.addInterceptor(new ChannelInterceptor() { });
        channel.send(Message.of("one"));

        assertThat(channel.newBatch().fill(0, Integer.MAX_VALUE)).isEqualTo(QueueBatch.NOT_BATCHED);
        assertThat(channel.getQueueSize()).isEqualTo(1);
    }

    /**
     * One thread fills and takes, as a polling consumer does; another puts back now and then, as a stop does. Every
     * message ends up either taken, once, or back in the channel, in its order.
     */
    @Test
    void takingAndPuttingBackAtTheSameTimeHandEachMessageToExactlyOneOfThem() throws Exception {
        QueueChannel channel = new QueueChannel("raced", 1024);
        int total = 100_000;
        QueueBatch batch = channel.newBatch();
        Future<?> producer = threads.submit(() -> {
            for (int i = 0; i < total; i++) {
                if (!channel.send(Message.of(i))) {
                    throw new AssertionError("send failed");
                }
            }
        });
        Future<List<Integer>> consumer = threads.submit(() -> {
            List<Integer> taken = new ArrayList<>();
            while (taken.size() < total) {
                Message<?> message = batch.next();
                if (message == null) {
                    if (batch.fill(Duration.ofSeconds(30).toNanos(), Integer.MAX_VALUE) == 0) {
                        throw new AssertionError("nothing within 30 s after " + taken.size());
                    }
                    continue;
                }
                taken.add((Integer) message.getPayload());
            }
            return taken;
        });
        int putBackTimes = 0;
        while (!consumer.isDone()) {
            if (batch.putBack() > 0) {
                putBackTimes++;
            }
            Thread.onSpinWait();
        }
        producer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        List<Integer> taken = consumer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(taken).as("each message once, in order; put back " + putBackTimes + " times")
                .containsExactlyElementsOf(range(0, total).stream().map(Integer.class::cast).toList());
        assertThat(channel.getQueueSize()).isZero();
        assertThat(channel.getRemainingCapacity()).isEqualTo(1024);
    }

    /** Batches and plain receives compete for one channel: nothing is lost or taken twice. */
    @Test
    void batchesAndReceivesOnOneChannelNeitherLoseNorDuplicateMessages() throws Exception {
        QueueChannel channel = new QueueChannel("shared", 256);
        int total = 50_000;
        Future<?> producer = threads.submit(() -> {
            for (int i = 0; i < total; i++) {
                if (!channel.send(Message.of(i))) {
                    throw new AssertionError("send failed");
                }
            }
        });
        AtomicInteger takenInAll = new AtomicInteger();
        List<Future<List<Integer>>> consumers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            QueueBatch batch = channel.newBatch();
            consumers.add(threads.submit(() -> {
                List<Integer> taken = new ArrayList<>();
                while (takenInAll.get() < total) {
                    Message<?> message = batch.next();
                    if (message == null) {
                        batch.fill(Duration.ofMillis(20).toNanos(), Integer.MAX_VALUE);
                    } else {
                        taken.add((Integer) message.getPayload());
                        takenInAll.incrementAndGet();
                    }
                }
                return taken;
            }));
        }
        consumers.add(threads.submit(() -> {
            List<Integer> taken = new ArrayList<>();
            while (takenInAll.get() < total) {
                Message<?> message = channel.receive(Duration.ofMillis(20));
                if (message != null) {
                    taken.add((Integer) message.getPayload());
                    takenInAll.incrementAndGet();
                }
            }
            return taken;
        }));
        producer.get(60, TimeUnit.SECONDS);

        Set<Integer> all = new HashSet<>();
        int count = 0;
        for (Future<List<Integer>> consumer : consumers) {
            List<Integer> taken = consumer.get(60, TimeUnit.SECONDS);
            assertThat(taken).as("each consumer sees the messages in queue order").isSorted();
            all.addAll(taken);
            count += taken.size();
        }
        assertThat(count).as("taken, duplicates included").isEqualTo(total);
        assertThat(all).hasSize(total);
        assertThat(channel.getRemainingCapacity()).isEqualTo(256);
    }

    private static List<Object> range(int from, int to) {
        List<Object> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(i);
        }
        return values;
    }
}
