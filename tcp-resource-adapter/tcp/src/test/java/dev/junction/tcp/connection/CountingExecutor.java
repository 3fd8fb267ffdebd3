package dev.junction.tcp.connection;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An executor that knows how many of its tasks are running, to check that a stopped factory left none. */
final class CountingExecutor implements java.util.concurrent.Executor, AutoCloseable {

    private final ExecutorService delegate;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();

    private CountingExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    static CountingExecutor cached() {
        return new CountingExecutor(Executors.newCachedThreadPool());
    }

    static CountingExecutor fixed(int threads) {
        return new CountingExecutor(Executors.newFixedThreadPool(threads));
    }

    @Override
    public void execute(Runnable task) {
        submitted.incrementAndGet();
        delegate.execute(() -> {
            active.incrementAndGet();
            try {
                task.run();
            } finally {
                active.decrementAndGet();
            }
        });
    }

    int active() {
        return active.get();
    }

    int submitted() {
        return submitted.get();
    }

    @Override
    public void close() throws InterruptedException {
        delegate.shutdownNow();
        delegate.awaitTermination(10, TimeUnit.SECONDS);
    }
}
