package dev.junction.impl.gateway;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the executor a gateway uses for its asynchronous methods when it is given none: a cached pool, since
 * each waiting call occupies a thread until its reply (or timeout) comes, of daemon threads, so a gateway that
 * is never closed does not keep the JVM alive; idle threads end after a minute. Threads are named
 * {@code junction-gateway-<name>-<n>} so they can be told apart in thread dumps.
 */
final class DefaultGatewayExecutor {

    private DefaultGatewayExecutor() {
    }

    static ExecutorService create(String gatewayName) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "junction-gateway-" + gatewayName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
