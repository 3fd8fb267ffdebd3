package dev.junction.impl.channel;

import java.util.concurrent.atomic.LongAdder;

/**
 * The send counts of one channel while it counts. {@link LongAdder}s: senders on many threads add without contending
 * for one memory word, and an uncontended add allocates nothing.
 */
final class SendCounters {

    private final LongAdder sends = new LongAdder();
    private final LongAdder failures = new LongAdder();

    void sent(boolean handedOver) {
        sends.increment();
        if (!handedOver) {
            failures.increment();
        }
    }

    void failed() {
        sends.increment();
        failures.increment();
    }

    long sends() {
        return sends.sum();
    }

    long failures() {
        return failures.sum();
    }

    void reset() {
        sends.reset();
        failures.reset();
    }
}
