package dev.junction.examples.cafe;

import java.util.List;

/**
 * An order as a customer posts it to the counter over HTTP, in JSON: {@code {"hot":["latte"],"iced":["lemonade"]}}.
 * The counter gives it its number.
 *
 * @param hot the hot drinks, may be absent
 * @param iced the cold drinks, may be absent
 */
public record CounterOrder(List<String> hot, List<String> iced) {

    /** @return the order with that number, hot drinks first */
    public Order numbered(int number) {
        Order.Builder order = Order.number(number);
        (hot == null ? List.<String>of() : hot).forEach(order::hot);
        (iced == null ? List.<String>of() : iced).forEach(order::iced);
        return order.build();
    }
}
