package dev.junction.examples.cafe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The buzzer telling a table its drink is ready. Its radio link is flaky: here the very first buzz of the day finds
 * no signal. The waiter's endpoint carries a retry advice ({@link CafeAdvices}), so the buzz is tried again and the
 * drink is delivered anyway, without the barista's poll failing or rolling back.
 */
@ApplicationScoped
public class Pager {

    private final AtomicBoolean signalLostOnce = new AtomicBoolean();

    @Inject
    Transcript transcript;

    /** @throws IllegalStateException on the first buzz of the day: no signal */
    public void buzz(OrderItem item) {
        if (signalLostOnce.compareAndSet(false, true)) {
            transcript.say("pager", "no signal buzzing for " + item.label() + "; the waiter's retry advice tries"
                    + " again");
            throw new IllegalStateException("pager: no signal");
        }
        transcript.say("pager", "buzzed table of order " + item.orderNumber() + " for " + item.label());
    }
}
