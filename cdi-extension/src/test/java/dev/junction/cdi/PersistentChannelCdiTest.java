package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A persistent queue channel declared by a channel producer, consumed by a transactional {@code @Poller}: the
 * container's transaction covers the take, so the message a failed poll rolled back is polled again.
 */
class PersistentChannelCdiTest {

    @Dependent
    public static class Declarations {
        @Produces
        @ApplicationScoped
        ChannelMessageStore store(AgroalDataSource dataSource) {
            return JdbcStores.builder(dataSource).build().createSchema().channelMessageStore();
        }

        @Produces
        @ApplicationScoped
        @Channel("orders")
        PollableChannel orders(ChannelMessageStore store) {
            return MessageChannels.queue("orders", store);
        }
    }

    @ApplicationScoped
    public static class Barista {
        private final AtomicInteger attempts = new AtomicInteger();
        private final List<String> made = new CopyOnWriteArrayList<>();

        public int attempts() {
            return attempts.get();
        }

        public List<String> made() {
            return made;
        }

        @ServiceActivator(inputChannel = "orders")
        @Poller(fixedDelay = 10, receiveTimeout = 50, maxMessagesPerPoll = 1, transactional = true)
        public void make(String order) {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the first attempt fails");
            }
            made.add(order);
        }
    }

    @Test
    void aRolledBackPollLeavesTheMessageInTheStore() {
        WeldContainer container = JtaContainers.start("persistent-channel", Declarations.class, Barista.class,
                JtaContainers.Database.class);
        try {
            PollableChannel orders = container.select(PollableChannel.class, Channel.Literal.of("orders")).get();
            orders.send(Message.of("latte"));

            Barista barista = container.select(Barista.class).get();
            await().atMost(Duration.ofMinutes(1)).until(() -> barista.made().contains("latte"));
            assertThat(barista.attempts()).isEqualTo(2);
            assertThat(container.select(ChannelMessageStore.class).get().size("orders")).isZero();
        } finally {
            container.shutdown();
        }
    }
}
