package dev.junction.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.impl.endpoint.AbstractEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two threads starting one runtime at once, as a container signalling the application's start on two threads does:
 * the second returns only once every endpoint of the first start runs, so it never sends into an endpoint that has
 * not subscribed yet.
 */
class ConcurrentStartTest {

    /** An endpoint whose start waits until the test lets it finish. */
    static final class SlowStartingEndpoint extends AbstractEndpoint {
        final CountDownLatch starting = new CountDownLatch(1);
        final CountDownLatch mayFinish = new CountDownLatch(1);
        volatile boolean started;

        SlowStartingEndpoint() {
            super("slow", true);
        }

        @Override
        protected void doStart() {
            starting.countDown();
            try {
                mayFinish.await(30, TimeUnit.SECONDS);
                started = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        protected void doStop() {
        }
    }

    @Test
    void aSecondStartReturnsOnlyOnceTheFirstStartedEverything() throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(2); // not the common pool: one thread on 2 cores
        try (JunctionRuntime runtime = JunctionRuntime.builder().build()) {
            SlowStartingEndpoint slow = new SlowStartingEndpoint();
            runtime.endpoints().register(slow);
            CompletableFuture<Void> first = CompletableFuture.runAsync(runtime::start, starters);
            assertThat(slow.starting.await(30, TimeUnit.SECONDS)).isTrue();

            AtomicReference<Thread> secondThread = new AtomicReference<>();
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
                secondThread.set(Thread.currentThread());
                runtime.start();
                return slow.started; // what a sender on this thread would find
            }, starters);
            // the second start either returned already (the defect) or waits for the first: only then let it finish
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone()
                    || (secondThread.get() != null && secondThread.get().getState() == Thread.State.WAITING));
            slow.mayFinish.countDown();

            assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            starters.shutdownNow();
        }
    }
}
