package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.runtime.Junction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The snippets of docs/gateways.adoc; each one runs here, so the guide cannot drift. */
class GatewaysGuideTest {

    public record Order(String drink) {
    }

    public record Receipt(String drink, int table) {
        public Receipt withTable(int newTable) {
            return new Receipt(drink, newTable);
        }
    }

    // tag::interface[]
    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
    public interface Cafe {
        void placeOrder(Order order);                         // sends and returns
        Receipt pay(Order order, @Header("table") int table); // sends, waits for the reply
        CompletableFuture<Receipt> payLater(Order order);     // runs on the runtime's executor
    }
    // end::interface[]

    @Test
    void aGatewayOfTheRuntime() throws Exception {
        List<Object> placed = new CopyOnWriteArrayList<>();
        try (Junction junction = Junction.create()) {
            junction.flow("orders").handle((Order order) -> {
                placed.add(order);
                return new Receipt(order.drink(), 0);
            })
                    .filter("headers['replyChannel'] != null")   // placeOrder waits for nothing
                    .transform("headers['table'] == null ? payload : payload.withTable(headers['table'])");
            // tag::create[]
            Cafe cafe = junction.gateway(Cafe.class);   // one proxy per interface and runtime
            junction.start();
            Receipt receipt = cafe.pay(new Order("latte"), 4);
            // end::create[]
            assertThat(receipt).isEqualTo(new Receipt("latte", 0).withTable(4));
            assertThat(cafe.payLater(new Order("tea")).get(5, TimeUnit.SECONDS)).isEqualTo(new Receipt("tea", 0));
            cafe.placeOrder(new Order("mocha"));
            assertThat(placed).extracting(Object::toString).contains("Order[drink=mocha]");
        }
    }
}
