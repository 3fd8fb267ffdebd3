package dev.junction.impl.advice;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A service that fails its first {@code failures} calls with the exception given, then answers; it counts calls. */
public final class FailingService {

    private final AtomicInteger calls = new AtomicInteger();
    private final int failures;
    private final Supplier<? extends RuntimeException> failure;

    FailingService(int failures, Supplier<? extends RuntimeException> failure) {
        this.failures = failures;
        this.failure = failure;
    }

    /** @return a service that always fails with {@code RuntimeException("foo")} */
    static FailingService always() {
        return new FailingService(Integer.MAX_VALUE, () -> new RuntimeException("foo"));
    }

    public String service(String message) {
        if (calls.incrementAndGet() <= failures) {
            throw failure.get();
        }
        return message.toUpperCase();
    }

    int calls() {
        return calls.get();
    }
}
