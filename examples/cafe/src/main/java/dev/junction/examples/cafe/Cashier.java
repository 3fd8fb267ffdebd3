package dev.junction.examples.cafe;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes each order that arrives through the {@link Cafe} gateway: records it (committed at once), then passes its
 * drinks one by one to the {@code drinks} channel, and hands a receipt back to the customer.
 */
@ApplicationScoped
public class Cashier {

    @Inject
    Ledger ledger;

    @Inject
    OrderTracker tracker;

    @Inject
    Transcript transcript;

    @Inject
    @Channel("drinks")
    MessageChannel drinks;

    /** @return the receipt, the gateway's reply */
    @ServiceActivator(inputChannel = "orders")
    public Receipt take(Order order) {
        ledger.recordOrder(order);
        transcript.say("cashier", "order " + order.number() + " recorded, " + order.items().size() + " drinks to make");
        tracker.expect(order);
        for (OrderItem item : order.items()) {
            if (!drinks.send(Message.of(item))) {
                throw new IllegalStateException("The drinks channel did not accept " + item.label());
            }
        }
        return new Receipt(order.number(), order.items().size());
    }
}
