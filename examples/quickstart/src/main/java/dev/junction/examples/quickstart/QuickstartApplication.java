package dev.junction.examples.quickstart;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The cafe in plain Java, declared with the flow builder: orders enter through a gateway, a router sends hot drinks
 * and cold drinks to two queue channels, a barista per queue polls it, and the prepared drink comes back to the
 * caller as the gateway's reply. Prints what flows and exits 0 once every order was served. It compiles against the
 * api alone; the runtime is found on the class path.
 */
public final class QuickstartApplication {

    public record Order(int number, String drink, boolean hot) {
    }

    public record Drink(int orderNumber, String name, String preparedBy, int table) {
    }

    /** The cafe's entrance: application code calls a plain interface. */
    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 10_000)
    public interface Cafe {
        CompletableFuture<Drink> placeOrder(Order order, @Header("table") int table);
    }

    /** A barista; the same class serves the hot and the cold queue. */
    public static final class Barista {
        private final String name;

        Barista(String name) {
            this.name = name;
        }

        @ServiceActivator
        public Drink prepare(Order order, @Header("table") int table) {
            System.out.printf("%s barista: preparing a %s for order %d on %s%n", name, order.drink(), order.number(),
                    Thread.currentThread().getName());
            return new Drink(order.number(), order.drink(), name, table);
        }
    }

    public static void main(String[] args) {
        try (Junction junction = Junction.create()) {
            // tag::wiring[]
            PollerSpec everyTenMillis = PollerSpec.fixedDelay(Duration.ofMillis(10));
            junction.flow("orders").route("payload.hot ? 'hotDrinks' : 'coldDrinks'").id("drinkRouter");
            junction.flow(MessageChannels.queue("hotDrinks", 10)).poll(everyTenMillis)
                    .handle(new Barista("hot")).id("hotBarista");
            junction.flow(MessageChannels.queue("coldDrinks", 10)).poll(everyTenMillis)
                    .handle(new Barista("cold")).id("coldBarista");
            Cafe cafe = junction.gateway(Cafe.class);
            junction.start();
            // end::wiring[]

            List<Order> orders = List.of(new Order(1, "latte", true), new Order(2, "iced tea", false),
                    new Order(3, "espresso", true), new Order(4, "lemonade", false), new Order(5, "mocha", true));
            List<CompletableFuture<Drink>> drinks = orders.stream().map(order -> {
                System.out.printf("cashier: order %d, a %s %s%n", order.number(), order.hot() ? "hot" : "cold", order.drink());
                return cafe.placeOrder(order, order.number() % 3 + 1);
            }).toList();

            int served = 0;
            for (CompletableFuture<Drink> future : drinks) {
                Drink drink = future.join();
                System.out.printf("waiter: serving the %s of order %d at table %d (made by the %s barista)%n",
                        drink.name(), drink.orderNumber(), drink.table(), drink.preparedBy());
                served++;
            }
            System.out.printf("%d of %d orders served%n", served, orders.size());
        }
    }
}
