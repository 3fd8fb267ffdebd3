package dev.junction.examples.cafe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A day at the cafe: customers place their orders through the {@link Cafe} gateway, then the day ends when every
 * drink was served or reported failed (or patience runs out), and the ledger is read back and judged. A day that was
 * interrupted resumes: the orders its database already holds are not placed again, and the drinks they still await
 * are waited for (the persistent queues hand them to the baristas).
 */
@ApplicationScoped
public class CafeDay {

    @Inject
    Cafe cafe;

    @Inject
    OrderTracker tracker;

    @Inject
    LedgerReport report;

    @Inject
    Menu menu;

    @Inject
    Transcript transcript;

    /**
     * @param orders the orders to place, in this order
     * @param patience how long to wait for the last drink once all orders are placed
     * @return how the day went
     * @throws InterruptedException when interrupted while waiting for the drinks
     */
    public Outcome serve(List<Order> orders, Duration patience) throws InterruptedException {
        LedgerSnapshot before = report.read();
        if (!before.orders().isEmpty()) {
            List<OrderItem> left = before.outstanding();
            transcript.say("cafe", "resuming an interrupted day: " + before.orders().size() + " orders placed, "
                    + left.size() + " drinks still to settle");
            tracker.expect(left);
        }
        for (Order order : orders) {
            if (before.order(order.number()).isPresent()) {
                transcript.say("customer", "order " + order.number() + " was placed before the interruption");
                continue;
            }
            transcript.say("customer", "order " + order.number() + ": " + order.items().stream()
                    .map(item -> (item.iced() ? "cold " : "hot ") + item.drink()).collect(Collectors.joining(", ")));
            Receipt receipt = cafe.placeOrder(order);
            transcript.say("customer", "receipt for order " + receipt.orderNumber() + ", " + receipt.drinks()
                    + " drinks on their way");
        }
        tracker.awaitAllSettled(patience);
        Outcome outcome = Outcome.judge(orders, menu, tracker.outstanding(), patience, report.read());
        outcome.ledger().printTo(transcript);
        return outcome;
    }
}
