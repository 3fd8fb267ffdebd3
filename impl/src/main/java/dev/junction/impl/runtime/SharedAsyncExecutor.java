package dev.junction.impl.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor asynchronous gateway methods of one runtime share when the application gives none: daemon threads
 * created on the first call (most applications never make one) and ended after a minute idle.
 */
final class SharedAsyncExecutor implements Executor, AutoCloseable {

    private final AtomicInteger threads = new AtomicInteger();
    private ExecutorService pool; // guarded by this
    private boolean closed; // guarded by this

    @Override
    public void execute(Runnable task) {
        pool().execute(task);
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            if (closed) {
                throw new java.util.concurrent.RejectedExecutionException("The runtime is closed; its asynchronous"
                        + " gateway threads are gone");
            }
            pool = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "junction-gateway-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    /** Lets calls in progress finish, refuses new ones. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.shutdown();
        }
    }
}
