package dev.junction.impl.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The future an asynchronous gateway call returns. Cancelling it with {@code mayInterruptIfRunning} interrupts
 * the executor thread while it still waits for the reply, so a call without a reply timeout does not hold that
 * thread forever (a plain {@link CompletableFuture} ignores the flag). The interrupt is cleared again before
 * the thread goes back to its executor.
 */
final class GatewayFuture extends CompletableFuture<Object> {

    /** The thread running the call, while it runs; guarded by {@code this}. */
    private Thread runner;
    /** Whether {@link #cancel(boolean)} interrupted the runner; guarded by {@code this}. */
    private boolean interruptedByCancel;

    /** Runs the call in the current thread and completes the future with its value or failure. */
    void run(Supplier<Object> call) {
        synchronized (this) {
            if (isDone()) {
                return; // cancelled before it started: nothing is sent
            }
            runner = Thread.currentThread();
        }
        try {
            complete(call.get());
        } catch (Throwable failure) {
            completeExceptionally(failure);
        } finally {
            boolean clearInterrupt;
            synchronized (this) {
                runner = null;
                clearInterrupt = interruptedByCancel;
            }
            if (clearInterrupt) {
                Thread.interrupted(); // ours, not the executor's: the thread's next task must not see it
            }
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled && mayInterruptIfRunning) {
            synchronized (this) {
                if (runner != null) {
                    interruptedByCancel = true;
                    runner.interrupt();
                }
            }
        }
        return cancelled;
    }
}
