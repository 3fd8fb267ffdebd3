package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.GlobalChannelInterceptor;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.interceptor.WireTap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Beans qualified {@code @GlobalChannelInterceptor} intercept the channels their patterns select, Junction's own
 * and the application's, in the place their order gives; a wire tap is one of them.
 */
class GlobalInterceptorBeansTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Singleton
    public static class Journal {
        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        List<String> about(String channel) {
            return entries.stream().filter(entry -> entry.endsWith(":" + channel)).toList();
        }
    }

    /** Registered first (bean classes are taken in name order), but its order puts it after the local ones. */
    @Singleton
    @GlobalChannelInterceptor(patterns = {"!ordersAudit", "orders*"}, order = 5)
    public static class AfterLocal implements ChannelInterceptor {
        @Inject
        Journal journal;

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            journal.add("after:" + channel.getName());
            return message;
        }
    }

    @Singleton
    @GlobalChannelInterceptor(patterns = "orders*", order = -1)
    public static class BeforeLocal implements ChannelInterceptor {
        @Inject
        Journal journal;

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            journal.add("before:" + channel.getName());
            return message;
        }
    }

    @Dependent
    public static class Config {
        /** Declared with an interceptor of its own, and a narrow type: the client proxy is no InterceptableChannel. */
        @Produces
        @ApplicationScoped
        @Channel("ordersQueue")
        PollableChannel ordersQueue(Journal journal) {
            return QueueChannel.builder().name("ordersQueue").interceptor(new ChannelInterceptor() {
                @Override
                public Message<?> preSend(Message<?> message, MessageChannel channel) {
                    journal.add("local:" + channel.getName());
                    return message;
                }
            }).build();
        }

        @Produces
        @ApplicationScoped
        @Channel("ordersAudit")
        PollableChannel ordersAudit() {
            return MessageChannels.queue("ordersAudit");
        }

        /** A wire tap copying what passes through the order channels to the audit queue (which it never taps). */
        @Produces
        @Singleton
        @GlobalChannelInterceptor(patterns = "orders*")
        ChannelInterceptor auditTap(@Channel("ordersAudit") PollableChannel audit) {
            return new WireTap(audit);
        }
    }

    @ApplicationScoped
    public static class Handlers {
        @ServiceActivator(inputChannel = "ordersIn")
        public void order(String order) {
        }

        @ServiceActivator(inputChannel = "otherIn")
        public void other(String text) {
        }
    }

    @Test
    void interceptorBeansApplyToTheChannelsTheirPatternsSelectInTheirOrder() {
        WeldContainer container = Containers.start("global-interceptors", Journal.class, AfterLocal.class,
                BeforeLocal.class, Config.class, Handlers.class);
        try {
            Journal journal = container.select(Journal.class).get();
            channel(container, "ordersIn").send(Message.of("o1"));       // created by Junction (direct)
            channel(container, "ordersQueue").send(Message.of("o2"));    // declared by the application
            channel(container, "otherIn").send(Message.of("x"));         // not selected

            assertThat(journal.about("ordersIn")).containsExactly("before:ordersIn", "after:ordersIn");
            assertThat(journal.about("ordersQueue"))
                    .containsExactly("before:ordersQueue", "local:ordersQueue", "after:ordersQueue");
            assertThat(journal.about("otherIn")).isEmpty();
        } finally {
            container.shutdown();
        }
    }

    @Test
    void aWireTapBeanCopiesTheMessagesOfTheSelectedChannelsToAQueue() {
        WeldContainer container = Containers.start("global-wire-tap", Journal.class, AfterLocal.class,
                BeforeLocal.class, Config.class, Handlers.class);
        try {
            channel(container, "ordersIn").send(Message.of("o1"));
            channel(container, "ordersQueue").send(Message.of("o2"));
            channel(container, "otherIn").send(Message.of("x"));

            PollableChannel audit = container.select(PollableChannel.class, Channel.Literal.of("ordersAudit")).get();
            assertThat(audit.receive(PATIENCE).getPayload()).isEqualTo("o1");
            assertThat(audit.receive(PATIENCE).getPayload()).isEqualTo("o2");
            assertThat(audit.receive(Duration.ZERO)).isNull(); // "otherIn" is not tapped, nor the audit queue itself
        } finally {
            container.shutdown();
        }
    }

    private static MessageChannel channel(WeldContainer container, String name) {
        return container.select(MessageChannel.class, Channel.Literal.of(name)).get();
    }
}
