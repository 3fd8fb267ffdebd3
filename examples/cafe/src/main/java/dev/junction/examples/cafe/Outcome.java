package dev.junction.examples.cafe;

import dev.junction.examples.cafe.LedgerSnapshot.ItemRow;
import dev.junction.examples.cafe.LedgerSnapshot.OrderRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the day went, judged against what should have happened: an order whose drinks are all on the menu must be
 * served, every drink by the barista of its temperature; an order with a drink the menu lacks must be refused, with
 * the failure recorded and the failed drink's claim rolled back.
 *
 * @param ledger the committed tables
 * @param problems everything that went wrong; empty for a good day
 */
public record Outcome(LedgerSnapshot ledger, List<String> problems) {

    public Outcome {
        problems = List.copyOf(problems);
    }

    /** @return whether nothing went wrong */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * @param orders the orders placed
     * @param menu what the baristas can make
     * @param outstanding the drinks that had not settled when the waiting ended (empty: all settled in time)
     * @param patience how long the program waited
     * @param ledger the committed tables
     * @return the outcome with every problem found
     */
    static Outcome judge(List<Order> orders, Menu menu, List<OrderItem> outstanding, Duration patience,
            LedgerSnapshot ledger) {
        List<String> problems = new ArrayList<>();
        if (!outstanding.isEmpty()) {
            problems.add("timed out after " + patience.toMillis() + " ms waiting for deliveries; still outstanding: "
                    + outstanding.stream().map(OrderItem::label).toList());
        }
        for (Order order : orders) {
            boolean makeable = order.items().stream().allMatch(item -> menu.lists(item.drink()));
            String expected = makeable ? "SERVED" : "REFUSED";
            Optional<OrderRow> row = ledger.order(order.number());
            if (row.isEmpty()) {
                problems.add("order " + order.number() + " was never recorded");
                continue;
            }
            if (!row.get().status().equals(expected)) {
                problems.add("order " + order.number() + " is " + row.get().status() + ", expected " + expected);
            }
            for (OrderItem item : order.items()) {
                judgeItem(item, makeable, menu, ledger, problems);
            }
        }
        return new Outcome(ledger, problems);
    }

    private static void judgeItem(OrderItem item, boolean orderMakeable, Menu menu, LedgerSnapshot ledger,
            List<String> problems) {
        Optional<ItemRow> row = ledger.item(item);
        if (row.isEmpty()) {
            problems.add("drink " + item.label() + " was never recorded");
        } else if (!menu.lists(item.drink())) {
            if (!row.get().status().equals("ORDERED") || row.get().barista() != null) {
                problems.add("drink " + item.label() + " failed, but its claim was not rolled back: " + row.get());
            }
            if (ledger.failuresOf(item).isEmpty()) {
                problems.add("drink " + item.label() + " failed, but the error flow recorded no failure");
            }
        } else if (orderMakeable) {
            String barista = item.iced() ? Baristas.COLD : Baristas.HOT;
            if (!row.get().status().equals("SERVED") || !barista.equals(row.get().barista())) {
                problems.add("drink " + item.label() + " should have been served by the " + barista + ": " + row.get());
            }
        }
    }
}
