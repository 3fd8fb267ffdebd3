package dev.junction.examples.cafe;

import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.examples.cafe.LedgerSnapshot.OrderRow;
import dev.junction.jaxrs.HttpInboundGateways;
import jakarta.inject.Inject;

/**
 * The counter's HTTP side, declared in code: {@code POST /orders} with a JSON {@link CounterOrder} becomes an order
 * with the next number, which goes to the {@link Counter} on the {@code newOrders} channel, as the {@link Cafe}
 * gateway's orders do; the counter's {@link Receipt} is the JSON answer. Not a bean by itself (no bean-defining annotation):
 * {@link CafeCounter} adds it, so the program of the day ({@link CafeApplication}) has no HTTP gateway.
 */
public class HttpCounter implements Declaration {

    /** The first number the counter gives; the day's program numbers its orders from 1. */
    public static final int FIRST_ORDER_NUMBER = 100;

    @Inject
    LedgerReport report;

    /** The next order number; found on the first order, after those an interrupted counter recorded. */
    private int next = -1;

    @Override
    public void declare(Junction junction) {
        junction.flow("counterOrders")
                .handle((CounterOrder order) -> order.numbered(nextNumber()))
                .channel("newOrders");
        HttpInboundGateways.of(junction).inboundGateway("counter")
                .path("/orders").methods("POST")
                .consumes("application/json").produces("application/json")
                .payloadType(CounterOrder.class)
                .requestChannel("counterOrders")
                .build();
    }

    private synchronized int nextNumber() {
        if (next < 0) {
            int highest = report.read().orders().stream().mapToInt(OrderRow::number).max().orElse(0);
            next = Math.max(FIRST_ORDER_NUMBER, highest + 1);
        }
        return next++;
    }
}
