package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.DirectChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Inject;
import org.apache.openwebbeans.se.OWBInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The extension also starts on Apache OpenWebBeans SE. Weld SE is on this class path too, so
 * {@code SeContainerInitializer.newInstance()} would pick either provider; OWB's own initializer is used directly.
 * Discovery is disabled, so the extension is added explicitly, a new instance per container.
 */
class OpenWebBeansTest {

    @MessagingGateway(defaultRequestChannel = "owbOrders", defaultReplyTimeout = 5_000)
    public interface Counter {
        String order(String item, @Header("table") int table);
    }

    @ApplicationScoped
    public static class Clerk {
        @ServiceActivator(inputChannel = "owbOrders")
        public String serve(String item, @Header("table") int table) {
            return item + " at table " + table;
        }
    }

    /** Injects the gateway and channels, as application code does. */
    @Dependent
    public static class Client {
        @Inject
        Counter counter;
        @Inject
        @Channel("x")
        SubscribableChannel x;
        @Inject
        @Channel("owbOrders")
        SubscribableChannel orders;
        @Inject
        @Channel("nullChannel")
        PollableChannel nullChannel;
    }

    private SeContainer container;

    @BeforeEach
    void start() {
        container = new OWBInitializer()
                .disableDiscovery()
                .addBeanClasses(Counter.class, Clerk.class, Client.class)
                .addExtensions(new JunctionExtension())
                .initialize();
    }

    @AfterEach
    void stop() {
        if (container != null && container.isRunning()) {
            container.close();
        }
    }

    @Test
    void startsOnOpenWebBeans() {
        assertThat(container.getClass().getName()).startsWith("org.apache.openwebbeans");
        assertThat(container.isRunning()).isTrue();
    }

    @Test
    void injectedGatewayGetsTheReplyOfAnApplicationScopedServiceActivator() {
        Client client = container.select(Client.class).get();

        assertThat(client.counter.order("latte", 4)).isEqualTo("latte at table 4");
        assertThat(client.counter.order("tea", 7)).isEqualTo("tea at table 7");
    }

    @Test
    void injectedChannelIsTheRuntimesChannel() {
        Client client = container.select(Client.class).get();
        Junction runtime = container.select(Junction.class).get();

        assertThat(client.x.getName()).isEqualTo("x");
        assertThat(client.x).isInstanceOf(DirectChannel.class) // @Singleton: the runtime's own instance, no proxy
                .isSameAs(runtime.channel("x"));
        assertThat(client.x.getSubscriberCount()).isZero();
        assertThat(client.orders.getSubscriberCount()).isEqualTo(1); // the Clerk's service activator
        assertThat(client.nullChannel.receive()).isNull();
    }

    @Test
    void closesCleanly() {
        container.select(Client.class).get().counter.order("water", 1);

        container.close();

        assertThat(container.isRunning()).isFalse();
    }
}
