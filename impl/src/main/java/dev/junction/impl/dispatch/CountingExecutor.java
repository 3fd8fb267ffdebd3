package dev.junction.impl.dispatch;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor a dispatcher hands deliveries to, counting the deliveries handed over and not yet finished: the
 * messages in flight inside an executor channel, which a stopping application waits for before it unsubscribes
 * their handlers.
 */
final class CountingExecutor {

    private final Executor executor;
    private final AtomicInteger pending = new AtomicInteger();

    CountingExecutor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** @throws RejectedExecutionException when the executor refuses the task (then nothing is counted) */
    void execute(Runnable delivery) {
        pending.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    delivery.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException | Error refused) {
            pending.decrementAndGet();
            throw refused;
        }
    }

    /** @return deliveries handed to the executor and not finished */
    int pending() {
        return pending.get();
    }
}
