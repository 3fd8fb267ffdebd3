package dev.junction.examples.cafe;

import java.util.List;

/** The orders of the demo day: hot and cold drinks mixed, and one drink that is not on the menu. */
public final class CafeOrders {

    /** The drink nobody can make; its order must be refused. */
    public static final String UNKNOWN_DRINK = "unicorn frappe";

    private CafeOrders() {
    }

    /** @return five orders; the fourth asks for {@link #UNKNOWN_DRINK} */
    public static List<Order> today() {
        return List.of(
                Order.number(1).hot("latte").iced("iced tea").build(),
                Order.number(2).hot("cappuccino").hot("espresso").iced("lemonade").build(),
                Order.number(3).hot("mocha").iced("iced coffee").iced("iced latte").build(),
                Order.number(4).hot("espresso").iced(UNKNOWN_DRINK).build(),
                Order.number(5).hot("flat white").iced("cold brew").hot("latte").build());
    }
}
