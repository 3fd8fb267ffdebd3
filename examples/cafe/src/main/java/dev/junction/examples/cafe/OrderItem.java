package dev.junction.examples.cafe;

import java.util.Objects;

/**
 * One drink of an order, the unit that travels to a barista.
 *
 * @param orderNumber the order it belongs to
 * @param itemNumber its position in the order, from 1
 * @param drink the drink's name as the customer said it (the menu may not know it)
 * @param iced whether it is a cold drink (the router sends it to the cold barista) or a hot one
 */
public record OrderItem(int orderNumber, int itemNumber, String drink, boolean iced) {

    public OrderItem {
        Objects.requireNonNull(drink, "drink");
    }

    /** @return a short label for the transcript, e.g. {@code 3.2 iced latte} */
    public String label() {
        return orderNumber + "." + itemNumber + " " + drink;
    }
}
