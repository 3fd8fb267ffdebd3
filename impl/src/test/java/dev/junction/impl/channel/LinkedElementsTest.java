package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinkedElementsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void takesInTheOrderAdded() {
        LinkedElements<String> list = new LinkedElements<>();
        assertThat(list.poll()).isNull();
        assertThat(list.isEmpty()).isTrue();
        list.add("a");
        list.add("b");
        list.add("c");
        assertThat(list.peek()).isEqualTo("a");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list).containsExactly("a", "b", "c");
        assertThat(list.poll()).isEqualTo("a");
        list.add("d");
        assertThat(list.poll()).isEqualTo("b");
        assertThat(list.poll()).isEqualTo("c");
        assertThat(list.poll()).isEqualTo("d");
        assertThat(list.poll()).isNull();
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.size()).isZero();
    }

    @Test
    void aRemovedElementIsSkippedAndTheOthersKeepTheirOrder() {
        LinkedElements<String> list = new LinkedElements<>();
        List.of("a", "b", "c", "d").forEach(list::add);
        assertThat(list.remove("b")).isTrue();
        assertThat(list.remove("b")).isFalse();
        assertThat(list.remove("x")).isFalse();
        assertThat(list).containsExactly("a", "c", "d");
        assertThat(list.remove("a")).isTrue();
        assertThat(list.peek()).isEqualTo("c");
        assertThat(list.poll()).isEqualTo("c");
        assertThat(list.remove("d")).isTrue();
        assertThat(list.poll()).isNull();
        list.add("e");
        assertThat(list.poll()).isEqualTo("e");
    }

    @Test
    void anIteratorSurvivesTakesWhileItWalks() {
        LinkedElements<Integer> list = new LinkedElements<>();
        for (int i = 0; i < 10; i++) {
            list.add(i);
        }
        List<Integer> seen = new ArrayList<>();
        var iterator = list.iterator();
        seen.add(iterator.next()); // 0
        for (int i = 0; i < 5; i++) {
            list.poll(); // 0..4 taken: the iterator's node is unlinked behind it
        }
        iterator.forEachRemaining(seen::add);
        assertThat(seen).isSorted().doesNotHaveDuplicates().contains(0, 5, 6, 7, 8, 9);
    }

    @Test
    void concurrentAddersAndTakersNeitherLoseNorDuplicateAndKeepEachAddersOrder() throws Exception {
        LinkedElements<long[]> list = new LinkedElements<>();
        int adders = 3;
        int takers = 2;
        int perAdder = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int a = 0; a < adders; a++) {
            long adder = a;
            work.add(threads.submit(() -> {
                start.await();
                for (long i = 0; i < perAdder; i++) {
                    list.add(new long[] {adder, i});
                }
                return null;
            }));
        }
        List<ConcurrentLinkedQueue<long[]>> received = new ArrayList<>();
        for (int t = 0; t < takers; t++) {
            ConcurrentLinkedQueue<long[]> mine = new ConcurrentLinkedQueue<>();
            received.add(mine);
            work.add(threads.submit(() -> {
                start.await();
                while (taken.get() < adders * perAdder) {
                    long[] element = list.poll();
                    if (element != null) {
                        mine.add(element);
                        taken.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get(60, TimeUnit.SECONDS);
        }
        assertThat(list.poll()).isNull();
        boolean[][] seen = new boolean[adders][perAdder];
        int total = 0;
        for (ConcurrentLinkedQueue<long[]> mine : received) {
            long[] last = new long[adders];
            java.util.Arrays.fill(last, -1);
            for (long[] element : mine) {
                int adder = (int) element[0];
                int index = (int) element[1];
                assertThat(seen[adder][index]).as("taken twice").isFalse();
                seen[adder][index] = true;
                assertThat(element[1]).as("one taker sees each adder's elements in order").isGreaterThan(last[adder]);
                last[adder] = element[1];
                total++;
            }
        }
        assertThat(total).isEqualTo(adders * perAdder);
    }
}
