package dev.junction.examples.cafe;

import dev.junction.api.annotation.ServiceActivator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Delivers each prepared drink and notices when an order is complete. It runs on the barista's poller thread, inside
 * that poll's transaction ({@code preparedDrinks} is a direct channel), so it announces deliveries only once the
 * transaction committed.
 */
@ApplicationScoped
public class Waiter {

    @Inject
    Ledger ledger;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OrderTracker tracker;

    @Inject
    Transcript transcript;

    /** Marks the drink served (in the barista's transaction) and announces it once that transaction committed. */
    @ServiceActivator(inputChannel = "preparedDrinks")
    public void deliver(Drink drink) {
        OrderItem item = drink.item();
        boolean orderComplete = ledger.serve(drink);
        afterCommit.run(() -> {
            transcript.say("waiter", "delivered " + item.label() + " (made by the " + drink.barista() + ")");
            if (orderComplete) {
                transcript.say("waiter", "order " + item.orderNumber() + " served: all its drinks delivered");
            }
            tracker.settled(item);
        });
    }
}
