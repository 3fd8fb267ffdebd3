package dev.junction.impl.channel;

import dev.junction.impl.testing.DaemonThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandoffQueueTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService threads = DaemonThreads.cached("handoff-queue-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aSenderParkedOnAFullQueueGetsThePlaceABatchReleases() throws Exception {
        HandoffQueue<String> queue = new HandoffQueue<>(2);
        queue.put("a");
        queue.put("b");
        AtomicReference<Thread> sender = new AtomicReference<>();
        Future<?> put = threads.submit(() -> {
            sender.set(Thread.currentThread());
            queue.put("c");
            return null;
        });
        await().atMost(PATIENCE).until(() -> sender.get() != null && sender.get().getState() == Thread.State.WAITING);
        Object[] batch = new Object[2];
        assertThat(queue.takeBatch(batch, 2, 0)).isEqualTo(2);
        assertThat(queue.offer("x")).as("the batch keeps its places").isFalse();
        queue.releasePlaces(1);
        put.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(queue.offer("x")).isFalse();
        queue.releasePlaces(1);
        assertThat(queue.offer("d")).isTrue();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.poll()).isEqualTo("c");
        assertThat(queue.poll()).isEqualTo("d");
    }

    @Test
    void aReceiverParkedOnAnEmptyQueueGetsTheNextElement() throws Exception {
        HandoffQueue<String> queue = new HandoffQueue<>(4);
        AtomicReference<Thread> receiver = new AtomicReference<>();
        Future<String> poll = threads.submit(() -> {
            receiver.set(Thread.currentThread());
            return queue.poll(PATIENCE.toMillis() * 3, TimeUnit.MILLISECONDS);
        });
        await().atMost(PATIENCE).until(() -> receiver.get() != null
                && receiver.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(queue.offer("a")).isTrue();
        assertThat(poll.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(queue.size()).isZero();
    }

    @Test
    void elementsPutBackComeBeforeLaterOnesInTheirOrder() throws Exception {
        HandoffQueue<String> queue = new HandoffQueue<>(4);
        queue.put("a");
        queue.put("b");
        queue.put("c");
        Object[] batch = new Object[2];
        assertThat(queue.takeBatch(batch, 2, 0)).isEqualTo(2);
        queue.put("d");
        assertThat(queue.offer("x")).as("full: two queued, two in the batch").isFalse();
        queue.putBack(batch, 0, 2);
        assertThat(queue.size()).isEqualTo(4);
        assertThat(queue.peek()).isEqualTo("a");
        assertThat(queue).containsExactly("a", "b", "c", "d");
        assertThat(queue.remove("c")).isTrue();
        assertThat(queue.size()).isEqualTo(3);
        List<String> drained = new ArrayList<>();
        assertThat(queue.drainTo(drained)).isEqualTo(3);
        assertThat(drained).containsExactly("a", "b", "d");
        assertThat(queue.size()).isZero();
        assertThat(queue.remainingCapacity()).isEqualTo(4);
    }

    @Test
    void manySendersAndABatchingReceiverNeverExceedTheCapacityNorLoseAnElement() throws Exception {
        int capacity = 8;
        int senders = 3;
        int perSender = 100_000;
        HandoffQueue<int[]> queue = new HandoffQueue<>(capacity);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            sending.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < perSender; i++) {
                    assertThat(queue.offer(new int[] {sender, i}, 30, TimeUnit.SECONDS)).isTrue();
                }
                return null;
            }));
        }
        AtomicInteger mostHeld = new AtomicInteger();
        Future<int[]> receiving = threads.submit(() -> {
            start.await();
            int[] next = new int[senders];
            Object[] batch = new Object[4];
            int received = 0;
            while (received < senders * perSender) {
                int taken = queue.takeBatch(batch, batch.length, TimeUnit.SECONDS.toNanos(30));
                assertThat(taken).as("a batch within the wait").isPositive();
                for (int i = 0; i < taken; i++) {
                    mostHeld.accumulateAndGet(queue.size(), Math::max); // queued plus still in the batch
                    int[] element = (int[]) batch[i];
                    assertThat(element[1]).as("each sender's elements in order, once").isEqualTo(next[element[0]]);
                    next[element[0]]++;
                    queue.releasePlaces(1);
                    received++;
                }
            }
            return next;
        });
        start.countDown();
        for (Future<?> future : sending) {
            future.get(60, TimeUnit.SECONDS);
        }
        assertThat(receiving.get(60, TimeUnit.SECONDS)).containsOnly(perSender);
        assertThat(mostHeld.get()).isBetween(1, capacity);
        assertThat(queue.size()).isZero();
        assertThat(queue.poll()).isNull();
    }
}
