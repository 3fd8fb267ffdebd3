package dev.junction.impl.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.impl.store.ValueSerializers;
import dev.junction.impl.store.jdbc.JdbcDialect;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The snippets of docs/stores.adoc, run as they are shown. */
class StoresGuideTest {

    public record Order(String drink, int shots) {
    }

    @Test
    void jdbcStoresOnADataSource() {
        AgroalDataSource dataSource = EnlistingDataSources.create(Kind.H2);
        String prefix = TestDatabases.uniquePrefix();
        try {
            // tag::jdbc-stores[]
            JdbcStores stores = JdbcStores.builder(dataSource)      // H2 or PostgreSQL, found from the connection
                    .tablePrefix(prefix)                            // default JNC_
                    .serializer(ValueSerializers.jsonb())           // the default: records and POJOs as JSON
                    .build()
                    .createSchema();                                // the shipped DDL, tables that do not exist yet
            ChannelMessageStore queues = stores.channelMessageStore();
            ConcurrentMetadataStore seen = stores.metadataStore();
            // end::jdbc-stores[]
            assertThat(stores.dialect()).isEqualTo(JdbcDialect.H2);
            queues.add("q", Message.of(new Order("latte", 2)));
            assertThat(queues.poll("q").getPayload()).isEqualTo(new Order("latte", 2));
            assertThat(seen.putIfAbsent("order-1", "seen")).isNull();
        } finally {
            TestDatabases.dropTables(dataSource, prefix);
            dataSource.close();
        }
    }

    @Test
    void aPersistentChannelWithATransactionalPoller() {
        AgroalDataSource dataSource = EnlistingDataSources.create(Kind.H2);
        String prefix = TestDatabases.uniquePrefix();
        TransactionManager transactionManager = Jta.transactionManager();
        List<Order> made = new CopyOnWriteArrayList<>();
        Consumer<Order> barista = made::add;
        try {
            JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema();
            // tag::persistent-channel[]
            try (Junction junction = Junction.builder().transactionManager(transactionManager).build()) {
                junction.flow(MessageChannels.queue("orders", stores.channelMessageStore()))
                        .poll(PollerSpec.fixedDelay(Duration.ofMillis(10)).maxMessagesPerPoll(1).transactional())
                        .handle((Order order) -> {
                            barista.accept(order);                  // a failure rolls back: the order stays stored
                            return null;
                        });
                junction.start();
                junction.channel("orders").send(Message.of(new Order("mocha", 1)));
                // end::persistent-channel[]
                await().atMost(Duration.ofMinutes(1)).until(() -> made.contains(new Order("mocha", 1)));
            }
            assertThat(stores.channelMessageStore().size("orders")).isZero();
        } finally {
            TestDatabases.dropTables(dataSource, prefix);
            dataSource.close();
        }
    }
}
