package dev.junction.examples.cafe;

import dev.junction.api.annotation.MessagingGateway;

/**
 * The cafe's counter as application code sees it: a plain interface. The Junction extension implements it with a
 * gateway proxy that sends each order to the {@code orders} channel and returns the cashier's reply; callers get
 * it with {@code @Inject Cafe cafe}.
 */
@MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = Cafe.REPLY_TIMEOUT_MS)
public interface Cafe {

    /** How long placing an order waits for the cashier's receipt, in ms; the cashier replies on the caller's thread. */
    long REPLY_TIMEOUT_MS = 10_000;

    /**
     * Places an order: the cashier records it and passes its drinks on to the baristas, then this returns.
     *
     * @return the cashier's receipt
     */
    Receipt placeOrder(Order order);
}
