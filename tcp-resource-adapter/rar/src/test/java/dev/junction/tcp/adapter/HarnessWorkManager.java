package dev.junction.tcp.adapter;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container side of the work contract, as a server provides it: works run on threads of this work manager
 * (named {@code harness-work-n}), and it counts the works running, so that a test can see none is left.
 */
final class HarnessWorkManager implements WorkManager, AutoCloseable {

    static final String THREAD_PREFIX = "harness-work-";

    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, THREAD_PREFIX + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void doWork(Work work) throws WorkException {
        throw new WorkRejectedException("the adapter schedules its works; it never waits for one");
    }

    @Override
    public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        doWork(work);
    }

    @Override
    public long startWork(Work work) throws WorkException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        return startWork(work);
    }

    @Override
    public void scheduleWork(Work work) throws WorkException {
        try {
            pool.execute(() -> {
                running.incrementAndGet();
                try {
                    work.run();
                } finally {
                    running.decrementAndGet();
                }
            });
            accepted.incrementAndGet();
        } catch (RejectedExecutionException e) {
            throw new WorkRejectedException(e);
        }
    }

    @Override
    public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkException {
        scheduleWork(work);
    }

    /** @return how many works run now */
    int running() {
        return running.get();
    }

    /** @return how many works were accepted so far */
    int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }
}
