package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Junction;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The snippets of docs/flows.adoc; each one runs here, so the guide cannot drift. */
class FlowsGuideTest {

    public record Order(String drink, boolean hot) {
    }

    public record Drink(String name, int table) {
    }

    // tag::gateway[]
    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
    public interface Cafe {
        Drink placeOrder(Order order, @Header("table") int table);
    }
    // end::gateway[]

    // tag::service[]
    public static class Barista {
        @ServiceActivator
        public Drink prepare(Order order, @Header("table") int table) {
            return new Drink(order.drink(), table);
        }
    }
    // end::service[]

    @MessagingGateway(defaultRequestChannel = "prices", defaultReplyTimeout = 5_000)
    public interface Prices {
        String quote(Order order);
    }

    @Test
    void aRuntimeWithFlowsAndAGateway() {
        // tag::junction[]
        try (Junction junction = Junction.create()) {
            junction.flow("orders").route("payload.hot ? 'hotDrinks' : 'coldDrinks'").id("drinkRouter");
            junction.flow(MessageChannels.queue("hotDrinks", 10))
                    .poll(PollerSpec.fixedDelay(Duration.ofMillis(10)))
                    .handle(new Barista()).id("hotBarista");
            junction.flow("coldDrinks").handle(new Barista()).id("coldBarista");
            Cafe cafe = junction.gateway(Cafe.class);
            junction.start();

            Drink latte = cafe.placeOrder(new Order("latte", true), 4);
            // end::junction[]
            assertThat(latte).isEqualTo(new Drink("latte", 4));
            assertThat(cafe.placeOrder(new Order("lemonade", false), 2)).isEqualTo(new Drink("lemonade", 2));
        }
    }

    @Test
    void stepsOfAFlow() {
        try (Junction junction = Junction.create()) {
            PollableChannel audit = junction.register(MessageChannels.queue("audit", 10));
            PollableChannel rejected = junction.register(MessageChannels.queue("rejected", 10));
            // tag::steps[]
            junction.flow("prices")
                    .wireTap("audit")                                     // a copy of each order to "audit"
                    .filter("payload.drink != 'water'", "rejected")       // the others go to "rejected"
                    .transform((Order order) -> order.drink())            // a function of the payload
                    .handle("payload.length() * 0.5").id("pricing")       // an expression: a number
                    .log(Level.DEBUG, "'price ' += payload")              // logs and passes it on
                    .transform("'' += payload += ' EUR'");                // the reply to the caller
            // end::steps[]
            Prices prices = junction.gateway(Prices.class);
            junction.start();

            assertThat(prices.quote(new Order("latte", true))).isEqualTo("2.5 EUR");
            assertThat(audit.receive(Duration.ofSeconds(5))).extracting(Message::getPayload)
                    .isEqualTo(new Order("latte", true));
            junction.channel("prices").send(Message.of(new Order("water", false)));
            assertThat(rejected.receive(Duration.ofSeconds(5))).isNotNull();
        }
    }

    @Test
    void everyProblemAtOnce() {
        // tag::errors[]
        Junction junction = Junction.create();
        junction.register(MessageChannels.queue("hotDrinks", 10));
        junction.flow("hotDrinks").handle(new Barista(), "brew");         // no poller, no method "brew"
        junction.flow("orders").handle("payload +* 2");                   // not an expression

        assertThatThrownBy(junction::start)
                .isInstanceOfSatisfying(ConfigurationException.class, invalid -> assertThat(invalid.getProblems())
                        .hasSize(2)
                        .anySatisfy(problem -> assertThat(problem).startsWith("JNC-0604"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("JNC-0603")));
        // end::errors[]
        junction.close();
    }

    @Test
    void settingsAndLifecycle() {
        ExecutorService reports = Executors.newFixedThreadPool(2);
        ChannelInterceptor audit = new ChannelInterceptor() {
        };
        // tag::settings[]
        Junction junction = Junction.builder()
                .defaultPoller(PollerSpec.fixedDelay(Duration.ofMillis(100)).maxMessagesPerPoll(10))
                .globalInterceptor(audit, 0, "orders*", "!ordersAudit")
                .converter(String.class, Order.class, text -> new Order(text, text.startsWith("hot ")))
                .asyncExecutor(reports)                 // asynchronous gateway methods; the default: shared daemons
                .drainTimeout(Duration.ofSeconds(30))   // how long stop() lets messages in flight finish
                .build();
        // end::settings[]
        junction.flow(MessageChannels.queue("hotDrinks", 10)).handle(new Barista()).id("hotBarista");
        // tag::lifecycle[]
        junction.start();                                     // builds the flows, starts the endpoints
        Endpoint barista = junction.endpoint("hotBarista").orElseThrow();
        barista.stop();                                       // pauses one endpoint
        barista.start();
        boolean drained = junction.stop();                    // gateways refuse new calls, queues drain
        junction.close();                                     // releases threads and gateways
        // end::lifecycle[]
        assertThat(drained).isTrue();
        assertThat(barista.isRunning()).isFalse();
        reports.shutdown();
    }
}
