package dev.junction.examples.cafe;

/**
 * A prepared drink on its way from a barista to the waiter.
 *
 * @param item the order item it fulfils
 * @param barista who made it
 * @param thread the thread the barista's poller ran on
 */
public record Drink(OrderItem item, String barista, String thread) {
}
