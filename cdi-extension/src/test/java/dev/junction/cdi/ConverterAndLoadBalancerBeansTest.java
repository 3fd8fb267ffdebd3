package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.LoadBalancingStrategy;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.convert.Converter;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Converter beans convert payloads for handler parameters; a load-balancing strategy bean drives a channel. */
class ConverterAndLoadBalancerBeansTest {

    public record Order(String item, int quantity) {
    }

    /** A converter as a bean class: "2 x latte" to an order. */
    @ApplicationScoped
    public static class OrderParser implements Converter<String, Order> {
        @Override
        public Order convert(String source) {
            String[] parts = source.split(" x ", 2);
            return new Order(parts[1], Integer.parseInt(parts[0]));
        }
    }

    @Dependent
    public static class Converters {
        /** A converter as a producer: a menu number to an order of one. */
        @Produces
        Converter<Integer, Order> menuNumbers() {
            return number -> new Order("menu " + number, 1);
        }
    }

    @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 30_000)
    public interface Counter {
        String place(Object order);
    }

    @ApplicationScoped
    public static class Kitchen {
        @ServiceActivator(inputChannel = "orders")
        public String prepare(Order order) {
            return order.quantity() + " of " + order.item();
        }
    }

    /** Sends each message to the subscriber its "lane" header names, instead of taking turns. */
    @ApplicationScoped
    @Channel("lanes")
    public static class ByLane implements LoadBalancingStrategy {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public int firstIndex(Message<?> message, List<MessageHandler> handlers) {
            calls.incrementAndGet();
            return message.getHeaders().get("lane", Integer.class);
        }

        int calls() {
            return calls.get();
        }
    }

    @ApplicationScoped
    public static class Lanes {
        private final List<String> first = new CopyOnWriteArrayList<>();
        private final List<String> second = new CopyOnWriteArrayList<>();

        List<String> first() {
            return List.copyOf(first);
        }

        List<String> second() {
            return List.copyOf(second);
        }

        @ServiceActivator(inputChannel = "lanes", order = 1)
        public void first(String text, @Header("lane") int lane) {
            first.add(text);
        }

        @ServiceActivator(inputChannel = "lanes", order = 2)
        public void second(String text) {
            second.add(text);
        }
    }

    @Test
    void converterBeansConvertPayloadsForHandlerParameters() {
        WeldContainer container = Containers.start("converter-beans", OrderParser.class, Converters.class,
                Counter.class, Kitchen.class);
        try {
            Counter counter = container.select(Counter.class).get();

            assertThat(counter.place("2 x latte")).isEqualTo("2 of latte");
            assertThat(counter.place(7)).isEqualTo("1 of menu 7");
            assertThat(counter.place(new Order("tea", 3))).isEqualTo("3 of tea"); // no conversion needed
            assertThat(((JunctionRuntime) container.select(Junction.class).get()).conversions().canConvert(String.class,
                    Order.class)).isTrue();
        } finally {
            container.shutdown();
        }
    }

    @Test
    void aLoadBalancingStrategyBeanChoosesTheSubscriberOfTheDirectChannelJunctionCreates() {
        WeldContainer container = Containers.start("load-balancer-bean", ByLane.class, Lanes.class);
        try {
            MessageChannel lanes = container.select(MessageChannel.class, Channel.Literal.of("lanes")).get();
            int[] laneOfEach = {0, 0, 1, 1, 0}; // round-robin would alternate
            for (int i = 0; i < laneOfEach.length; i++) {
                lanes.send(MessageBuilder.withPayload("m" + i).setHeader("lane", laneOfEach[i]).build());
            }
            Lanes handlers = container.select(Lanes.class).get();

            assertThat(handlers.first()).containsExactly("m0", "m1", "m4");
            assertThat(handlers.second()).containsExactly("m2", "m3");
            assertThat(container.select(ByLane.class, Channel.Literal.of("lanes")).get().calls()).isEqualTo(5);
        } finally {
            container.shutdown();
        }
    }
}
