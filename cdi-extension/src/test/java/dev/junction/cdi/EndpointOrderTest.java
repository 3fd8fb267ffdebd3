package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.ExecutorChannel;
import dev.junction.impl.channel.LoadBalancing;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.openwebbeans.se.OWBInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Endpoints keep the {@code order} of their annotation on the channels whose handlers run in a request context of
 * their own (publish-subscribe and executor channels): the order decides who hears a broadcast first and who gets
 * a message after a failure. The endpoints are declared in an order other than their {@code order}, so that the
 * container's discovery order cannot pass for it. On Weld and on OpenWebBeans.
 */
class EndpointOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static final ExecutorService KITCHEN = Executors.newSingleThreadExecutor();

    /** The CDI implementations the extension supports. */
    enum Provider {
        WELD {
            @Override
            SeContainer start(Class<?>... beanClasses) {
                return Containers.start("endpoint-order", beanClasses);
            }
        },
        OPEN_WEB_BEANS {
            @Override
            SeContainer start(Class<?>... beanClasses) {
                return new OWBInitializer().disableDiscovery().addBeanClasses(beanClasses)
                        .addExtensions(new JunctionExtension()).initialize();
            }
        };

        abstract SeContainer start(Class<?>... beanClasses);
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("announcements")
        SubscribableChannel announcements() {
            return MessageChannels.publishSubscribe("announcements");
        }

        /** Without load balancing every message starts with the first handler by order; failover is on. */
        @Produces
        @ApplicationScoped
        @Channel("kitchenOrders")
        SubscribableChannel kitchenOrders() {
            return ExecutorChannel.builder(KITCHEN).name("kitchenOrders").loadBalancing(LoadBalancing.NONE).build();
        }
    }

    @ApplicationScoped
    public static class Listeners {
        private final List<String> heard = new CopyOnWriteArrayList<>();

        List<String> heard() {
            return List.copyOf(heard);
        }

        @ServiceActivator(inputChannel = "announcements", id = "thirdListener", order = 3)
        public void third(String announcement) {
            heard.add("3:" + announcement);
        }

        @ServiceActivator(inputChannel = "announcements", id = "firstListener", order = 1)
        public void first(String announcement) {
            heard.add("1:" + announcement);
        }

        @ServiceActivator(inputChannel = "announcements", id = "secondListener", order = 2)
        public void second(String announcement) {
            heard.add("2:" + announcement);
        }
    }

    @ApplicationScoped
    public static class Cooks {
        private final List<String> attempts = new CopyOnWriteArrayList<>();

        List<String> attempts() {
            return List.copyOf(attempts);
        }

        @ServiceActivator(inputChannel = "kitchenOrders", id = "backupCook", order = 3)
        public void backup(String order) {
            attempts.add("backup:" + order);
        }

        @ServiceActivator(inputChannel = "kitchenOrders", id = "secondCook", order = 2)
        public void second(String order) {
            attempts.add("second:" + order);
        }

        @ServiceActivator(inputChannel = "kitchenOrders", id = "headCook", order = 1)
        public void head(String order) {
            attempts.add("head:" + order);
            throw new IllegalStateException("the head cook is out");
        }
    }

    private SeContainer container;

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.close();
        }
    }

    @AfterAll
    static void closeKitchen() {
        KITCHEN.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aPublishSubscribeChannelCallsItsSubscribersByOrder(Provider provider) {
        container = provider.start(Channels.class, Listeners.class);
        SubscribableChannel announcements = container.select(SubscribableChannel.class,
                Channel.Literal.of("announcements")).get();

        announcements.send(Message.of("open"));

        assertThat(container.select(Listeners.class).get().heard()).containsExactly("1:open", "2:open", "3:open");
        assertThat(handlerOf("secondListener")).hasToString("secondListener");
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anExecutorChannelFailsOverToTheNextEndpointByOrder(Provider provider) {
        container = provider.start(Channels.class, Cooks.class);
        SubscribableChannel kitchen = container.select(SubscribableChannel.class,
                Channel.Literal.of("kitchenOrders")).get();
        Cooks cooks = container.select(Cooks.class).get();

        kitchen.send(Message.of("soup"));
        kitchen.send(Message.of("stew"));

        await().atMost(PATIENCE)
                .until(() -> cooks.attempts().stream().filter(attempt -> !attempt.startsWith("head:")).count() == 2);
        assertThat(cooks.attempts()).containsExactly("head:soup", "second:soup", "head:stew", "second:stew");
    }

    private Object handlerOf(String endpointId) {
        return ((JunctionRuntime) container.select(Junction.class).get()).endpoints().lookup(endpointId + ".handler").orElseThrow();
    }
}
