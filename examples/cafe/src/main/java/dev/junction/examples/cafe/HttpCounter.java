package dev.junction.examples.cafe;

import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Junction;
import dev.junction.jaxrs.HttpInboundGateways;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counter's HTTP side, declared in code: {@code POST /orders} with a JSON {@link CounterOrder} becomes an order
 * with the next number, which goes to the cashier on the {@code orders} channel, as the {@link Cafe} gateway's
 * orders do; the cashier's {@link Receipt} is the JSON answer. Not a bean by itself (no bean-defining annotation):
 * {@link CafeCounter} adds it, so the program of the day ({@link CafeApplication}) has no HTTP gateway.
 */
public class HttpCounter implements Declaration {

    /** The first number the counter gives; the day's program numbers its orders from 1. */
    public static final int FIRST_ORDER_NUMBER = 100;

    @Override
    public void declare(Junction junction) {
        AtomicInteger numbers = new AtomicInteger(FIRST_ORDER_NUMBER);
        junction.flow("counterOrders")
                .handle((CounterOrder order) -> order.numbered(numbers.getAndIncrement()))
                .channel("orders");
        HttpInboundGateways.of(junction).inboundGateway("counter")
                .path("/orders").methods("POST")
                .consumes("application/json").produces("application/json")
                .payloadType(CounterOrder.class)
                .requestChannel("counterOrders")
                .build();
    }
}
