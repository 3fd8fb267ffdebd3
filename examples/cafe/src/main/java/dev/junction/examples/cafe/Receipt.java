package dev.junction.examples.cafe;

/**
 * What the cashier hands back once an order is recorded and its drinks are on their way to the baristas.
 *
 * @param orderNumber the order
 * @param drinks how many drinks were passed on
 */
public record Receipt(int orderNumber, int drinks) {
}
