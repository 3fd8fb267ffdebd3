package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scoped channels, the CDI way: a {@code @RequestScoped} channel is each request's own; gateways and
 * injection points reach the instance of the current request. An endpoint cannot consume from one.
 */
class ScopedChannelTest {

    @Dependent
    public static class Baskets {
        @Produces
        @RequestScoped
        @Channel("basket")
        PollableChannel basket() {
            return MessageChannels.queue("basket");
        }
    }

    @MessagingGateway(defaultRequestChannel = "basket")
    public interface Shop {
        void add(String item);
    }

    @Dependent
    public static class Checkout {
        @jakarta.inject.Inject
        @Channel("basket")
        PollableChannel basket;

        List<Object> drain() {
            List<Object> items = new ArrayList<>();
            for (Message<?> message = basket.receive(Duration.ZERO); message != null; message = basket.receive(Duration.ZERO)) {
                items.add(message.getPayload());
            }
            return items;
        }
    }

    @Dependent
    public static class Unfollowable {
        @ServiceActivator(inputChannel = "basket")
        @dev.junction.api.annotation.Poller(fixedDelay = 10)
        public void take(String item) {
        }
    }

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.close();
        }
    }

    @Test
    void eachRequestHasItsOwnChannelInstance() {
        container = Containers.start("scoped", Baskets.class, Shop.class, Checkout.class);
        Shop shop = container.select(Shop.class).get();

        List<Object> first = inRequest(() -> {
            shop.add("bread");
            shop.add("milk");
            return container.select(Checkout.class).get().drain();
        });
        List<Object> second = inRequest(() -> {
            shop.add("tea");
            return container.select(Checkout.class).get().drain();
        });

        assertThat(first).containsExactly("bread", "milk");
        assertThat(second).containsExactly("tea");
    }

    @Test
    void anEndpointConsumingFromAScopedChannelFailsTheDeployment() {
        Assertions.assertThatThrownBy(() -> Containers.start("scoped-consumer", Baskets.class, Unfollowable.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("JNC-0508")
                .hasMessageContaining("Unfollowable")
                .hasMessageContaining("scoped channel");
    }

    private <T> T inRequest(Supplier<T> work) {
        RequestContextController request = container.select(RequestContextController.class).get();
        request.activate();
        try {
            return work.get();
        } finally {
            request.deactivate();
        }
    }
}
