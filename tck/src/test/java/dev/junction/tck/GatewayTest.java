package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.Header;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An injected gateway does request/reply over a direct channel (the flow runs in the caller's thread) and over a
 * queue channel (a poller's thread handles it, the caller waits for the reply). The deployment uses
 * {@code bean-discovery-mode="annotated"}: the gateway interface is found through its stereotype.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(GatewayTest.class, BeanDiscovery.ANNOTATED);
    }

    @MessagingGateway(name = "cafe", defaultRequestChannel = "orders", defaultReplyTimeout = 30_000)
    public interface Cafe {
        String order(String drink, @Header("table") int table);

        @Gateway(requestChannel = "queuedOrders")
        String orderThroughQueue(String drink);

        default String orderForTableOne(String drink) {
            return order(drink, 1);
        }
    }

    @ApplicationScoped
    public static class Barista {
        private final Map<String, String> threads = new ConcurrentHashMap<>();

        @ServiceActivator(inputChannel = "orders")
        public String prepare(String drink, @Header("table") int table) {
            threads.put(drink, Thread.currentThread().getName());
            return drink + " for table " + table;
        }

        @ServiceActivator(inputChannel = "queuedOrders")
        @Poller(fixedDelay = 10, receiveTimeout = 100)
        public String prepareQueued(String drink) {
            threads.put(drink, Thread.currentThread().getName());
            return "queued " + drink;
        }

        /** @return the name of the thread that prepared the drink */
        public String threadOf(String drink) {
            return threads.get(drink);
        }
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("queuedOrders")
        PollableChannel queuedOrders() {
            return MessageChannels.queue("queuedOrders");
        }
    }

    @Inject
    Cafe cafe;

    @Inject
    @Named("cafe")
    Cafe cafeByName;

    @Inject
    Barista barista;

    @Test
    void requestReplyOverADirectChannelRunsInTheCallersThread() {
        assertThat(cafe.order("latte", 4)).isEqualTo("latte for table 4");
        assertThat(barista.threadOf("latte")).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void requestReplyOverAQueueChannelIsHandledByThePollerWhileTheCallerWaits() {
        assertThat(cafe.orderThroughQueue("mocha")).isEqualTo("queued mocha");
        assertThat(barista.threadOf("mocha")).isNotNull().isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void defaultMethodsRunAsWritten() {
        assertThat(cafe.orderForTableOne("tea")).isEqualTo("tea for table 1");
    }

    @Test
    void aNamedGatewayIsInjectableByName() {
        assertThat(cafeByName.order("flat white", 2)).isEqualTo("flat white for table 2");
    }
}
