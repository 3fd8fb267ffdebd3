package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.controlbus.ControlBus;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The plain Java snippets of docs/delayer.adoc; each one runs here, so the guide cannot drift. */
class DelayerGuideTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The service after the delayer in the snippets. */
    public static class Kitchen {
        final List<String> cooked = new CopyOnWriteArrayList<>();

        public void cook(String order) {
            cooked.add(order);
        }
    }

    @Test
    void aDefaultDelay() {
        Kitchen kitchen = new Kitchen();
        try (Junction junction = Junction.create()) {
            // tag::default-delay[]
            junction.flow("orders")
                    .delay(Duration.ofMillis(500)).id("cooling")     // every message waits half a second
                    .handle(kitchen);
            // end::default-delay[]
            junction.start();
            Instant sent = Instant.now();
            junction.channel("orders").send(Message.of("soup"));
            await().atMost(WAIT).until(() -> kitchen.cooked.size() == 1);
            assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void aPersistentDelayerWithAnExpression() {
        Kitchen kitchen = new Kitchen();
        DataSource dataSource = TestDatabases.h2();
        String prefix = TestDatabases.uniquePrefix();
        try (Junction junction = Junction.create()) {
            junction.register(MessageChannels.queue("delayFailures", 10));
            // tag::persistent[]
            MessageGroupStore store = JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema()
                    .messageGroupStore();
            junction.flow("orders")
                    .delay(DelayerSpec.withDefaultDelay(Duration.ofMinutes(5))
                            .delayExpression("headers['readyAt']")        // a time, or a delay in milliseconds
                            .ignoreExpressionFailures(false)              // a bad header fails the sender
                            .messageStore(store)                          // survives a restart
                            .errorChannel("delayFailures")                // failed releases go there
                            .retryBackOff(Duration.ofSeconds(1), Duration.ofMinutes(1)))
                    .id("cooling")                                        // names the group in the store
                    .handle(kitchen);
            // end::persistent[]
            junction.start();

            // tag::send[]
            junction.channel("orders").send(MessageBuilder.withPayload("stew")
                    .setHeader("readyAt", Instant.now().plusMillis(200)).build());    // released at that time
            junction.channel("orders").send(MessageBuilder.withPayload("soup")
                    .setHeader("readyAt", 100).build());                              // released in 100 ms
            junction.channel("orders").send(MessageBuilder.withPayload("bread")
                    .setHeader("readyAt", "2020-01-01T00:00:00Z").build());           // past: at once
            // end::send[]
            assertThat(kitchen.cooked).contains("bread");
            await().atMost(WAIT).until(() -> kitchen.cooked.size() == 3);
            assertThat(store.messageGroupSize("cooling")).isZero();
        } finally {
            TestDatabases.dropTables(dataSource, prefix);
        }
    }

    @Test
    void theControlBus() {
        Kitchen kitchen = new Kitchen();
        try (Junction junction = Junction.create()) {
            PollableChannel replies = junction.register(MessageChannels.queue("busReplies", 10));
            junction.flow("orders").delay(Duration.ofHours(1)).id("cooling").handle(kitchen);
            // tag::control-bus[]
            junction.flow("controlBus").handle(ControlBus.builder(junction).build()).channel("busReplies");
            // end::control-bus[]
            junction.start();
            junction.channel("orders").send(Message.of("stew"));

            // tag::commands[]
            junction.channel("controlBus").send(Message.of("@cooling.handler.getDelayedMessageCount()"));
            junction.channel("controlBus").send(Message.of("@cooling.handler.reschedulePersistedMessages()"));
            junction.channel("controlBus").send(Message.of("@cooling.releases.stop()"));   // they stay in the store
            // end::commands[]
            assertThat(replies.receive(WAIT).getPayload()).isEqualTo(1);
            assertThat(replies.receive(WAIT).getPayload()).isEqualTo(0); // already scheduled
            assertThat(junction.endpoint("cooling.releases").orElseThrow().isRunning()).isFalse();
        }
    }
}
