package dev.junction.examples.quickstart;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.PublishSubscribeChannel;
import dev.junction.impl.channel.QueueChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cafe, wired by hand: orders enter a direct channel, a router sends hot drinks to one queue and cold drinks
 * to another, a barista per queue prepares them on its own thread, and finished drinks are published to a waiter
 * and a tally. Prints what flows and exits 0 once every drink was delivered.
 */
public final class QuickstartApplication {

    record Order(int number, String drink, boolean hot) {
    }

    record Drink(int orderNumber, String name, String barista) {
    }

    public static void main(String[] args) throws InterruptedException {
        ChannelRegistry channels = new ChannelRegistry();
        DirectChannel orders = channels.register(new DirectChannel("orders"));
        QueueChannel hotDrinks = channels.register(new QueueChannel("hotDrinks", 10));
        QueueChannel coldDrinks = channels.register(new QueueChannel("coldDrinks", 10));
        PublishSubscribeChannel delivered = channels.register(new PublishSubscribeChannel("delivered"));

        // the router: a handler on the direct channel, running in the caller's thread
        orders.subscribe(message -> {
            Order order = (Order) message.getPayload();
            (order.hot() ? hotDrinks : coldDrinks).send(message);
        });

        List<Order> menu = List.of(new Order(1, "latte", true), new Order(2, "iced tea", false),
                new Order(3, "espresso", true), new Order(4, "lemonade", false), new Order(5, "mocha", true));
        CountDownLatch allServed = new CountDownLatch(menu.size());
        AtomicInteger tally = new AtomicInteger();
        delivered.subscribe(message -> {
            Drink drink = (Drink) message.getPayload();
            System.out.printf("waiter: serving %s for order %d (made by the %s barista)%n",
                    drink.name(), drink.orderNumber(), drink.barista());
        });
        delivered.subscribe(message -> {
            tally.incrementAndGet();
            allServed.countDown();
        });

        ExecutorService baristas = Executors.newFixedThreadPool(2);
        baristas.submit(() -> prepare("hot", hotDrinks, delivered));
        baristas.submit(() -> prepare("cold", coldDrinks, delivered));

        for (Order order : menu) {
            System.out.printf("cashier: order %d, a %s %s%n", order.number(), order.hot() ? "hot" : "cold", order.drink());
            orders.send(MessageBuilder.withPayload(order).setHeader("table", order.number() % 3 + 1).build());
        }

        boolean done = allServed.await(30, TimeUnit.SECONDS);
        baristas.shutdownNow();
        baristas.awaitTermination(5, TimeUnit.SECONDS);
        System.out.printf("%d of %d drinks served%n", tally.get(), menu.size());
        if (!done) {
            System.exit(1);
        }
    }

    /** A barista polls its queue until interrupted. */
    private static void prepare(String kind, QueueChannel queue, PublishSubscribeChannel delivered) {
        while (!Thread.currentThread().isInterrupted()) {
            Message<?> message = queue.receive(Duration.ofMillis(500));
            if (message != null) {
                Order order = (Order) message.getPayload();
                Drink drink = new Drink(order.number(), order.drink(), kind);
                delivered.send(MessageBuilder.withPayload(drink).copyHeaders(message.getHeaders()).build());
            }
        }
    }
}
