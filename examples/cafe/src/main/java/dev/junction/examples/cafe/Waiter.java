package dev.junction.examples.cafe;

import dev.junction.api.annotation.ServiceActivator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Delivers each prepared drink and notices when an order is complete. It runs on the barista's poller thread, inside
 * that poll's transaction ({@code preparedDrinks} is a direct channel), so it announces deliveries only once the
 * transaction committed. It buzzes the table first, through a {@link Pager} whose failures the endpoint's retry advice
 * ({@code deliveryRetry}) absorbs.
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

    @Inject
    Pager pager;

    /**
     * Buzzes the table, marks the drink served (in the barista's transaction) and announces it once that transaction
     * committed. A failed buzz fails this attempt before anything is written, so the retry starts cleanly.
     */
    @ServiceActivator(inputChannel = "preparedDrinks", adviceChain = "deliveryRetry")
    public void deliver(Drink drink) {
        OrderItem item = drink.item();
        pager.buzz(item);
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
