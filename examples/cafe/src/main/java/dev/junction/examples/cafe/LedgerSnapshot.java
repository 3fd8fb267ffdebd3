package dev.junction.examples.cafe;

import java.util.List;
import java.util.Optional;

/**
 * The committed content of the cafe's tables, read back at the end of the day.
 *
 * @param orders the {@code orders} rows, by order number
 * @param items the {@code order_items} rows, by order and item number
 * @param failures the {@code failures} rows the error channel wrote
 */
public record LedgerSnapshot(List<OrderRow> orders, List<ItemRow> items, List<FailureRow> failures) {

    public LedgerSnapshot {
        orders = List.copyOf(orders);
        items = List.copyOf(items);
        failures = List.copyOf(failures);
    }

    /** A row of {@code orders}. */
    public record OrderRow(int number, int drinks, String status) {
    }

    /** A row of {@code order_items}; {@code barista} and {@code thread} are {@code null} until a claim commits. */
    public record ItemRow(int orderNumber, int itemNumber, String drink, boolean iced, String status, String barista,
            String thread) {

        /** @return whether this row is the given item */
        public boolean is(OrderItem item) {
            return orderNumber == item.orderNumber() && itemNumber == item.itemNumber();
        }
    }

    /** A row of {@code failures}. */
    public record FailureRow(int orderNumber, int itemNumber, String reason) {
    }

    /** @return the order's row, if it was recorded */
    public Optional<OrderRow> order(int number) {
        return orders.stream().filter(row -> row.number() == number).findFirst();
    }

    /** @return the item's row, if it was recorded */
    public Optional<ItemRow> item(OrderItem item) {
        return items.stream().filter(row -> row.is(item)).findFirst();
    }

    /**
     * @return the drinks not settled yet: not served, without a recorded failure, of an order neither served nor
     *         refused -- what an interrupted day left to do
     */
    public List<OrderItem> outstanding() {
        return items.stream()
                .filter(row -> !row.status().equals("SERVED"))
                .filter(row -> order(row.orderNumber()).map(order -> order.status().equals("PLACED")).orElse(false))
                .map(row -> new OrderItem(row.orderNumber(), row.itemNumber(), row.drink(), row.iced()))
                .filter(item -> failuresOf(item).isEmpty())
                .toList();
    }

    /** @return the failures recorded for the item */
    public List<FailureRow> failuresOf(OrderItem item) {
        return failures.stream()
                .filter(row -> row.orderNumber() == item.orderNumber() && row.itemNumber() == item.itemNumber())
                .toList();
    }

    /** Prints the three tables. */
    public void printTo(Transcript transcript) {
        transcript.print("");
        transcript.print("table ORDERS");
        transcript.print(String.format("  %-6s %-7s %s", "order", "drinks", "status"));
        orders.forEach(row -> transcript.print(String.format("  %-6d %-7d %s", row.number(), row.drinks(), row.status())));
        transcript.print("table ORDER_ITEMS");
        transcript.print(String.format("  %-5s %-15s %-5s %-10s %-13s %s", "item", "drink", "kind", "status", "barista",
                "thread"));
        items.forEach(row -> transcript.print(String.format("  %-5s %-15s %-5s %-10s %-13s %s",
                row.orderNumber() + "." + row.itemNumber(), row.drink(), row.iced() ? "cold" : "hot", row.status(),
                row.barista() == null ? "-" : row.barista(), row.thread() == null ? "-" : row.thread())));
        transcript.print("table FAILURES");
        transcript.print(String.format("  %-5s %s", "item", "reason"));
        failures.forEach(row -> transcript.print(String.format("  %-5s %s", row.orderNumber() + "." + row.itemNumber(),
                row.reason())));
        transcript.print("");
    }
}
