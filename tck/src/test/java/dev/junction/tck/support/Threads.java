package dev.junction.tck.support;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs work on a thread of its own: one with no request context and no transaction, on every container. */
public final class Threads {

    private Threads() {
    }

    /**
     * @param work what to run
     * @param <T>  what it returns
     * @return its result, waited for at most {@link Waiting#PATIENCE}
     */
    public static <T> T onNewThread(Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task, "tck-new-thread");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(Waiting.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException | TimeoutException notDone) {
            thread.interrupt();
            throw new IllegalStateException("the work on a new thread did not finish within " + Waiting.PATIENCE,
                    notDone);
        }
    }
}
