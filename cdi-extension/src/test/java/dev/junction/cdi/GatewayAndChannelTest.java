package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ErrorChannel;
import dev.junction.impl.channel.NullChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayAndChannelTest {

    @MessagingGateway(name = "cafe", defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
    public interface Cafe {
        String placeOrder(String order, @Header("table") int table);

        @Gateway(requestChannel = "kitchen")
        void toKitchen(String order);

        default String placeForTableOne(String order) {
            return placeOrder(order, 1);
        }
    }

    @ApplicationScoped
    public static class Barista {
        @ServiceActivator(inputChannel = "orders")
        public String prepare(String order, @Header("table") int table) {
            return order + " for table " + table;
        }

        @ServiceActivator(inputChannel = "kitchen", outputChannel = "drinks")
        public String cook(String order) {
            return "hot " + order;
        }
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("drinks")
        PollableChannel drinks() {
            return MessageChannels.queue("drinks");
        }
    }

    /** A bean injecting channels and the gateway, as application code does. */
    @Dependent
    public static class Client {
        @Inject
        Cafe cafe;
        @Inject
        @Channel("drinks")
        PollableChannel drinks;
        @Inject
        @Channel("orders")
        SubscribableChannel orders;
        @Inject
        @Channel("nullChannel")
        PollableChannel nullChannel;
        @Inject
        @Channel("errorChannel")
        SubscribableChannel errorChannel;
    }

    private WeldContainer container;

    @BeforeEach
    void start() {
        container = Containers.start("gateway-and-channel", Cafe.class, Barista.class, Channels.class, Client.class);
    }

    @AfterEach
    void stop() {
        container.shutdown();
    }

    @Test
    void injectedGatewayRequestReplyWithHeaderParameter() {
        Client client = container.select(Client.class).get();

        assertThat(client.cafe.placeOrder("latte", 4)).isEqualTo("latte for table 4");
        assertThat(client.cafe.placeForTableOne("tea")).isEqualTo("tea for table 1");
    }

    @Test
    void namedGatewayIsFoundByName() {
        Object byName = container.select(Object.class, NamedLiteral.of("cafe")).get();

        assertThat(byName).isInstanceOf(Cafe.class);
        assertThat(((Cafe) byName).placeOrder("mocha", 2)).isEqualTo("mocha for table 2");
    }

    @Test
    void producedPollableChannelIsInjectedAndUsedByTheEndpoint() {
        Client client = container.select(Client.class).get();

        client.cafe.toKitchen("latte");

        Message<?> drink = client.drinks.receive(Duration.ZERO); // the direct flow ran in this thread
        assertThat(drink).isNotNull();
        assertThat(drink.getPayload()).isEqualTo("hot latte");
        assertThat(container.select(Junction.class).get().channel("drinks").getName())
                .isEqualTo("drinks");
    }

    @Test
    void undeclaredChannelIsASyntheticDirectChannelBean() {
        Client client = container.select(Client.class).get();
        Junction runtime = container.select(Junction.class).get();

        assertThat(Containers.unwrap(client.orders)).isInstanceOf(DirectChannel.class)
                .isSameAs(runtime.channel("orders"));
        assertThat(client.orders.getSubscriberCount()).isEqualTo(1);
    }

    @Test
    void nullChannelAndErrorChannelAlwaysExist() {
        Client client = container.select(Client.class).get();

        assertThat(Containers.unwrap(client.nullChannel)).isInstanceOf(NullChannel.class);
        assertThat(Containers.unwrap(client.errorChannel)).isInstanceOf(ErrorChannel.class);
        assertThat(container.select(MessageChannel.class, Channel.Literal.of("nullChannel")).isResolvable()).isTrue();
    }
}
