package dev.junction.examples.cafe;

import dev.junction.api.annotation.MessagingGateway;

/**
 * The cafe's counter as application code sees it: a plain interface. The Junction extension implements it with a
 * gateway proxy that sends each order to the {@code newOrders} channel and returns the {@link Counter}'s receipt;
 * callers get it with {@code @Inject Cafe cafe}.
 */
@MessagingGateway(defaultRequestChannel = "newOrders", defaultReplyTimeout = Cafe.REPLY_TIMEOUT_MS)
public interface Cafe {

    /** How long placing an order waits for the receipt, in ms; the counter replies on the caller's thread. */
    long REPLY_TIMEOUT_MS = 10_000;

    /**
     * Places an order: the counter records it and queues it for the cashier, then this returns.
     *
     * @return the counter's receipt
     */
    Receipt placeOrder(Order order);
}
