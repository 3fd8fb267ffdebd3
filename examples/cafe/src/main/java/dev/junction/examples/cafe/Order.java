package dev.junction.examples.cafe;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer asks for at the counter.
 *
 * @param number the order number
 * @param items the drinks, numbered from 1 in the order given
 */
public record Order(int number, List<OrderItem> items) {

    public Order {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("Order " + number + " has no drinks");
        }
    }

    /** Starts an order; add drinks with {@link Builder#hot(String)} and {@link Builder#iced(String)}. */
    public static Builder number(int number) {
        return new Builder(number);
    }

    /** Collects the drinks of one order, numbering them as they come. */
    public static final class Builder {
        private final int number;
        private final List<OrderItem> items = new ArrayList<>();

        private Builder(int number) {
            this.number = number;
        }

        /** @return this builder, with a hot drink added */
        public Builder hot(String drink) {
            items.add(new OrderItem(number, items.size() + 1, drink, false));
            return this;
        }

        /** @return this builder, with a cold drink added */
        public Builder iced(String drink) {
            items.add(new OrderItem(number, items.size() + 1, drink, true));
            return this;
        }

        /** @return the order */
        public Order build() {
            return new Order(number, items);
        }
    }
}
