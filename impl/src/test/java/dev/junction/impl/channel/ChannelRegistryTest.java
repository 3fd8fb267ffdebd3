package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ChannelRegistryTest {

    @Test
    void holdsTheSpecialChannelsFromTheStart() {
        ChannelRegistry registry = new ChannelRegistry();
        assertThat(registry.resolve("nullChannel")).isSameAs(registry.nullChannel());
        assertThat(registry.resolve("errorChannel")).isSameAs(registry.errorChannel());
    }

    @Test
    void resolvesRegisteredChannelsByName() {
        ChannelRegistry registry = new ChannelRegistry();
        QueueChannel orders = registry.register(new QueueChannel("orders"));
        assertThat(registry.resolve("orders")).isSameAs(orders);
        assertThat(registry.find("orders")).containsSame(orders);
        assertThat(registry.find("drinks")).isEmpty();
        assertThat(registry.channels()).contains(orders, registry.errorChannel(), registry.nullChannel());
    }

    @Test
    void anUnknownNameIsADestinationResolutionErrorNamingIt() {
        assertThatThrownBy(() -> new ChannelRegistry().resolve("drinks"))
                .isInstanceOf(DestinationResolutionException.class).hasMessageContaining("'drinks'");
    }

    @Test
    void twoChannelsWithOneNameAreRejected() {
        ChannelRegistry registry = new ChannelRegistry();
        DirectChannel first = registry.register(new DirectChannel("orders"));
        assertThat(registry.register(first)).isSameAs(first);
        assertThatThrownBy(() -> registry.register(new QueueChannel("orders")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("JNC-0101")
                .hasMessageContaining("'orders' is already registered");
    }

    @Test
    void everyInterceptableChannelIsHandedToTheRegistrationHookOnce() {
        List<String> seen = new ArrayList<>();
        ChannelRegistry registry = new ChannelRegistry(channel -> seen.add(channel.getName()));
        DirectChannel orders = new DirectChannel("orders");
        registry.register(orders);
        registry.register(orders);
        registry.register(new FixedSubscriberChannel("fixed", m -> { }));

        assertThat(seen).containsExactly("errorChannel", "orders");
    }

    @Test
    void itsErrorHandlerPublishesToTheHeaderChannelByNameOrToTheErrorChannel() {
        ChannelRegistry registry = new ChannelRegistry();
        QueueChannel myErrors = registry.register(new QueueChannel("myErrors"));
        QueueChannel globalErrors = new QueueChannel("globalErrors");
        registry.errorChannel().subscribe(globalErrors::send);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            ExecutorChannel channel = ExecutorChannel.builder(executor).name("async")
                    .errorHandler(registry.errorHandler()).build();
            channel.subscribe(m -> {
                throw new IllegalStateException("failed " + m.getPayload());
            });

            channel.send(MessageBuilder.withPayload("a").setErrorChannel("myErrors").build());
            channel.send(Message.of("b"));

            Message<?> own = myErrors.receive(Duration.ofSeconds(10));
            Message<?> global = globalErrors.receive(Duration.ofSeconds(10));
            assertThat(own).isInstanceOf(ErrorMessage.class);
            assertThat((Throwable) own.getPayload()).hasRootCauseMessage("failed a");
            assertThat((Throwable) global.getPayload()).hasRootCauseMessage("failed b");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void twoRegistriesDoNotShareChannels() {
        ChannelRegistry one = new ChannelRegistry();
        ChannelRegistry two = new ChannelRegistry();
        one.register(new DirectChannel("orders"));
        assertThat(two.find("orders")).isEmpty();
        assertThat(one.errorChannel()).isNotSameAs(two.errorChannel());
    }
}
