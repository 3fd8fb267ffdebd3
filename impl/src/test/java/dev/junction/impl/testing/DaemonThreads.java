package dev.junction.impl.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Thread pools for tests that run senders and receivers on threads of their own. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * @param name each thread's name, telling whose it is in a thread dump
     * @return a cached pool of daemon threads, so that a test that fails with a thread still waiting does not keep
     *         the test JVM from ending
     */
    public static ExecutorService cached(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
