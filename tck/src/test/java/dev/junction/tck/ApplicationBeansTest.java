package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.DefaultPoller;
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
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The beans the extension finds by their type when it builds the runtime, rather than by an annotation on an endpoint
 * method: a converter, a global channel interceptor, a load-balancing strategy and the default poller. Each must be
 * found among the application archive's own beans in every container.
 */
@ExtendWith(ArquillianExtension.class)
class ApplicationBeansTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(ApplicationBeansTest.class, BeanDiscovery.ANNOTATED);
    }

    public record Order(String drink, int quantity) {
    }

    @ApplicationScoped
    public static class OrderParser implements Converter<String, Order> {
        @Override
        public Order convert(String text) {
            String[] parts = text.split(" x ", 2);
            return new Order(parts[1], Integer.parseInt(parts[0]));
        }
    }

    @ApplicationScoped
    public static class Kitchen {
        @ServiceActivator(inputChannel = "kitchen")
        public String prepare(Order order, @Header(value = "stamp", required = false) String stamp) {
            return order.quantity() + " of " + order.drink() + (stamp == null ? "" : " stamped " + stamp);
        }
    }

    @MessagingGateway(defaultRequestChannel = "kitchen", defaultReplyTimeout = 30_000)
    public interface Counter {
        String place(String order);
    }

    /** Stamps every message of the kitchen channel, which the kitchen's reply then shows. */
    @Dependent
    public static class Stamps {
        @Produces
        @Singleton
        @GlobalChannelInterceptor(patterns = "kitchen")
        ChannelInterceptor stamp() {
            return new ChannelInterceptor() {
                @Override
                public Message<?> preSend(Message<?> message, MessageChannel channel) {
                    return MessageBuilder.fromMessage(message).setHeader("stamp", "at the pass").build();
                }
            };
        }
    }

    /** Every task goes to the last worker, which round-robin would not do. */
    @ApplicationScoped
    @Channel("work")
    public static class LastWorker implements LoadBalancingStrategy {
        @Override
        public int firstIndex(Message<?> message, List<MessageHandler> handlers) {
            return handlers.size() - 1;
        }
    }

    @ApplicationScoped
    public static class Workers {
        private final List<String> done = new CopyOnWriteArrayList<>();

        @ServiceActivator(inputChannel = "work", id = "firstWorker")
        public void first(String task) {
            done.add("first " + task);
        }

        @ServiceActivator(inputChannel = "work", id = "secondWorker")
        public void second(String task) {
            done.add("second " + task);
        }

        public List<String> done() {
            return List.copyOf(done);
        }
    }

    @Dependent
    public static class Polling {
        @Produces
        @Singleton
        @DefaultPoller
        PollerMetadata defaultPoller() {
            return PollerSpec.fixedDelay(Duration.ofMillis(20)).build();
        }

        @Produces
        @ApplicationScoped
        @Channel("tickets")
        PollableChannel tickets() {
            return MessageChannels.queue("tickets");
        }
    }

    /** A pollable input and no {@code @Poller}: only the default poller can serve it. */
    @ApplicationScoped
    public static class Printer {
        private final List<String> printed = new CopyOnWriteArrayList<>();

        @ServiceActivator(inputChannel = "tickets", id = "ticketPrinter")
        public void print(String ticket) {
            printed.add(ticket);
        }

        public List<String> printed() {
            return List.copyOf(printed);
        }
    }

    @Inject
    Counter counter;

    @Inject
    Junction junction;

    @Inject
    Workers workers;

    @Inject
    Printer printer;

    @Test
    void theConverterAndTheGlobalInterceptorApplyToTheKitchen() {
        assertThat(counter.place("2 x latte")).isEqualTo("2 of latte stamped at the pass");
    }

    @Test
    void theStrategyBeanChoosesTheWorker() {
        for (String task : List.of("a", "b", "c")) {
            junction.channel("work").send(Message.of(task));
        }

        assertThat(workers.done()).containsExactly("second a", "second b", "second c");
    }

    @Test
    void theDefaultPollerServesTheEndpointWithoutPoller() {
        junction.channel("tickets").send(Message.of("table 4"));

        await().atMost(Waiting.PATIENCE).until(() -> printer.printed().contains("table 4"));
    }
}
