package dev.junction.tck.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the handlers of the store tests do: count the attempts at each payload and write a row per attempt,
 * {@code <what>-<payload>-<attempt>}, through the {@link TestDatabase} (in the handler's transaction, if any); the
 * first attempt at a payload starting with {@code fail-once} throws after writing.
 */
@ApplicationScoped
public class Attempts {

    @Inject
    TestDatabase db;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /**
     * @param what    the kind of handling, the first part of the row's id
     * @param payload what was handled
     */
    public void attempt(String what, String payload) {
        int attempt = attempts.computeIfAbsent(what + "-" + payload, key -> new AtomicInteger()).incrementAndGet();
        db.insert(what + "-" + payload + "-" + attempt);
        if (payload.startsWith("fail-once") && attempt == 1) {
            throw new IllegalStateException("the first attempt at " + payload + " fails after writing");
        }
    }

    /** @return how many times {@code what} was attempted at the payload */
    public int of(String what, String payload) {
        AtomicInteger count = attempts.get(what + "-" + payload);
        return count == null ? 0 : count.get();
    }
}
