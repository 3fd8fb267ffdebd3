package dev.junction.examples.cafe;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Takes each order that arrives through the {@link Cafe} gateway (or the HTTP counter): records it and puts its ticket
 * on the persistent {@code orders} queue in one transaction -- an order is either both recorded and queued, or
 * neither -- and hands a receipt back to the customer at once. The cashier works through the queue at its own pace.
 */
@ApplicationScoped
public class Counter {

    @Inject
    Ledger ledger;

    @Inject
    OrderTracker tracker;

    @Inject
    Transcript transcript;

    @Inject
    @Channel("orders")
    MessageChannel orders;

    /** @return the receipt, the gateway's reply */
    @ServiceActivator(inputChannel = "newOrders")
    @Transactional
    public Receipt take(Order order) {
        ledger.recordOrder(order);
        tracker.expect(order);
        // a message of its own: the request's headers (the gateway's reply channel) stay out of the store
        if (!orders.send(Message.of(order))) {
            throw new IllegalStateException("The orders queue did not accept order " + order.number());
        }
        transcript.say("counter", "order " + order.number() + " recorded and queued for the cashier");
        return new Receipt(order.number(), order.items().size());
    }
}
