package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.GatewayHeader;
import dev.junction.api.annotation.GlobalChannelInterceptor;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.LoadBalancingStrategy;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.convert.Converter;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Junction;
import dev.junction.cdi.JunctionExtension;
import dev.junction.impl.interceptor.WireTap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/cdi.adoc about gateways, endpoints, the runtime bean and the beans the extension finds by
 * type and qualifier; each runs here in a Weld SE container, so the guide cannot drift. Pollers are in
 * {@link CdiPollersGuideTest}, transactions in {@link CdiTransactionsGuideTest}.
 */
class CdiGuideTest {

    private WeldContainer container;

    /** A container of exactly these classes and the extension (discovery off, so the service file is not read). */
    static WeldContainer start(String id, Class<?>... beanClasses) {
        return new Weld(id).disableDiscovery().addExtension(new JunctionExtension()).addBeanClasses(beanClasses)
                .initialize();
    }

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.shutdown();
        }
    }

    // --- what works: a gateway, an endpoint, injection ----------------------------------------------------------

    // tag::gateway[]
    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
    public interface Cafe {
        String placeOrder(String order, @Header("table") int table);
    }
    // end::gateway[]

    // tag::endpoint[]
    @ApplicationScoped
    public static class Barista {
        @ServiceActivator(inputChannel = "orders")
        public String prepare(String order, @Header("table") int table) {
            return order + " for table " + table;
        }
    }
    // end::endpoint[]

    // tag::injection[]
    @ApplicationScoped
    public static class Waiter {
        @Inject
        Cafe cafe;                          // the gateway
        @Inject
        @Channel("drinks")
        PollableChannel drinks;             // a channel the application declares, below

        public void serve(String order, int table) {
            drinks.send(Message.of(cafe.placeOrder(order, table)));
        }
    }

    @Dependent
    public static class CafeChannels {
        @Produces @ApplicationScoped @Channel("drinks")
        PollableChannel drinks() {
            return MessageChannels.queue("drinks", 10);
        }
    }
    // end::injection[]

    @Test
    void aGatewayCallReachesTheEndpointAndTheReplyComesBack() {
        container = start("guide-cafe", Cafe.class, Barista.class, Waiter.class, CafeChannels.class);

        container.select(Waiter.class).get().serve("latte", 4);

        PollableChannel drinks = container.select(PollableChannel.class, Channel.Literal.of("drinks")).get();
        assertThat(drinks.receive(Duration.ZERO)).extracting(Message::getPayload).isEqualTo("latte for table 4");
    }

    // --- the runtime bean ----------------------------------------------------------------------------------------

    @ApplicationScoped
    public static class Reports {
        private final List<String> written = new CopyOnWriteArrayList<>();

        @ServiceActivator(inputChannel = "reportRequests", id = "reporter", autoStartup = false)
        public void write(String month) {
            written.add("report of " + month);
        }

        List<String> written() {
            return List.copyOf(written);
        }
    }

    // tag::runtime[]
    @ApplicationScoped
    public static class MonthEnd {
        @Inject
        Junction junction;

        public void close(String month) {
            Endpoint reporter = junction.endpoint("reporter").orElseThrow();   // autoStartup = false: stopped
            reporter.start();
            junction.channel("reportRequests").send(Message.of(month));
        }
    }
    // end::runtime[]

    @Test
    void theRuntimeBeanStartsAnEndpointThatDoesNotStartByItself() {
        container = start("guide-runtime", Reports.class, MonthEnd.class);
        Endpoint reporter = container.select(Junction.class).get().endpoint("reporter").orElseThrow();
        assertThat(reporter.isRunning()).isFalse();

        container.select(MonthEnd.class).get().close("march");

        assertThat(reporter.isRunning()).isTrue();
        assertThat(container.select(Reports.class).get().written()).containsExactly("report of march");
    }

    // --- global channel interceptors and wire taps ---------------------------------------------------------------

    @Dependent
    public static class AuditTap {
        @Produces @ApplicationScoped @Channel("ordersAudit")
        PollableChannel ordersAudit() {
            return MessageChannels.queue("ordersAudit");
        }

        // tag::wire-tap[]
        @Produces @Singleton @GlobalChannelInterceptor(patterns = {"!ordersAudit", "orders*"}, order = -1)
        ChannelInterceptor auditTap(@Channel("ordersAudit") PollableChannel audit) {
            return new WireTap(audit);   // copies each message to the audit queue
        }
        // end::wire-tap[]
    }

    @ApplicationScoped
    public static class Counters {
        @ServiceActivator(inputChannel = "ordersToGo")
        public void toGo(String order) {
        }

        @ServiceActivator(inputChannel = "complaints")
        public void complaint(String text) {
        }
    }

    @Test
    void theWireTapCopiesTheMessagesOfTheOrderChannelsOnly() {
        container = start("guide-wire-tap", AuditTap.class, Counters.class);

        channel("ordersToGo").send(Message.of("espresso"));
        channel("complaints").send(Message.of("too cold"));

        PollableChannel audit = container.select(PollableChannel.class, Channel.Literal.of("ordersAudit")).get();
        assertThat(audit.receive(Duration.ZERO)).extracting(Message::getPayload).isEqualTo("espresso");
        assertThat(audit.receive(Duration.ZERO)).as("neither complaints nor the audit queue itself").isNull();
    }

    // --- converters ----------------------------------------------------------------------------------------------

    public record Order(String drink, int quantity) {
    }

    // tag::converter[]
    @ApplicationScoped
    public static class OrderParser implements Converter<String, Order> {
        @Override
        public Order convert(String text) {                 // "2 x latte"
            String[] parts = text.split(" x ", 2);
            return new Order(parts[1], Integer.parseInt(parts[0]));
        }
    }

    @ApplicationScoped
    public static class Kitchen {
        @ServiceActivator(inputChannel = "kitchen")
        public String prepare(Order order) {                // a String payload arrives as an Order
            return order.quantity() + " of " + order.drink();
        }
    }
    // end::converter[]

    @MessagingGateway(defaultRequestChannel = "kitchen", defaultReplyTimeout = 5_000)
    public interface Counter {
        String place(String order);
    }

    @Test
    void theConverterBeanTurnsTheTextIntoTheHandlersParameter() {
        container = start("guide-converter", OrderParser.class, Kitchen.class, Counter.class);

        assertThat(container.select(Counter.class).get().place("2 x latte")).isEqualTo("2 of latte");
    }

    // --- load-balancing strategies -------------------------------------------------------------------------------

    // tag::load-balancing[]
    @ApplicationScoped @Channel("work")
    public static class ByCustomer implements LoadBalancingStrategy {
        @Override
        public int firstIndex(Message<?> message, List<MessageHandler> handlers) {
            String customer = message.getHeaders().get("customer", String.class);
            return Math.floorMod(customer.hashCode(), handlers.size());   // a customer's work stays together
        }
    }
    // end::load-balancing[]

    @ApplicationScoped
    public static class Workers {
        private final List<String> done = new CopyOnWriteArrayList<>();

        @ServiceActivator(inputChannel = "work")
        public void first(String task, @Header("customer") String customer) {
            done.add(customer + "=first");
        }

        @ServiceActivator(inputChannel = "work")
        public void second(String task, @Header("customer") String customer) {
            done.add(customer + "=second");
        }

        /** @return for each customer, the workers that handled its tasks */
        Map<String, List<String>> workersByCustomer() {
            return done.stream().collect(Collectors.groupingBy(entry -> entry.substring(0, entry.indexOf('=')),
                    Collectors.mapping(entry -> entry.substring(entry.indexOf('=') + 1), Collectors.toList())));
        }
    }

    @Test
    void theStrategyBeanKeepsEachCustomersWorkOnOneHandler() {
        container = start("guide-load-balancing", ByCustomer.class, Workers.class);

        for (String customer : List.of("ann", "ann", "ann", "bob", "bob", "bob")) {
            channel("work").send(MessageBuilder.withPayload("task").setHeader("customer", customer).build());
        }

        // round-robin would alternate, so three tasks in a row would not all meet the same worker
        assertThat(container.select(Workers.class).get().workersByCustomer())
                .containsOnlyKeys("ann", "bob")
                .allSatisfy((customer, workers) -> assertThat(workers).hasSize(3).containsOnly(workers.get(0)));
    }

    // --- named beans in expressions ------------------------------------------------------------------------------

    // tag::named-beans[]
    @ApplicationScoped @Named("pricing")
    public static class Pricing {
        public int getVat() {
            return 21;
        }
    }

    @MessagingGateway(defaultRequestChannel = "quotes", defaultReplyTimeout = 5_000,
            defaultHeaders = @GatewayHeader(name = "vat", expression = "pricing.vat"))
    public interface Quotes {
        String quote(String drink);
    }
    // end::named-beans[]

    @ApplicationScoped
    public static class Quoter {
        @ServiceActivator(inputChannel = "quotes")
        public String quote(String drink, @Header("vat") int vat) {
            return drink + " with " + vat + "% VAT";
        }
    }

    @Test
    void theNamedBeansValueLandsInTheHeader() {
        container = start("guide-named-beans", Pricing.class, Quotes.class, Quoter.class);

        assertThat(container.select(Quotes.class).get().quote("latte")).isEqualTo("latte with 21% VAT");
    }

    private MessageChannel channel(String name) {
        return container.select(MessageChannel.class, Channel.Literal.of(name)).get();
    }
}
