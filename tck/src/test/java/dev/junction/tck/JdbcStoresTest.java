package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.IdempotentReceiver;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.impl.store.jdbc.JdbcDialect;
import dev.junction.tck.support.Attempts;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.JdbcTables;
import dev.junction.tck.support.Races;
import dev.junction.tck.support.TestDatabase;
import dev.junction.tck.support.Threads;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Junction's JDBC stores on the container's own data source (WildFly's {@code ExampleDS}, Payara's
 * {@code jdbc/__default}, both H2; on Weld embedded an XA H2 pooled by Agroal), inside the container's JTA
 * transactions: a persistent queue channel consumed by a transactional poller, and an idempotent receiver keeping its
 * keys in the database. A send whose transaction rolls back leaves nothing; a commit delivers; a poll that fails rolls
 * back, leaving the message in the store for the next poll; a key recorded in a transaction that rolls back is gone.
 * The delayer on a JDBC store is {@link JdbcDelayerTest}.
 */
@ExtendWith(ArquillianExtension.class)
class JdbcStoresTest {

    private static final String QUEUE = "tckJdbcOrders";
    private static final String PAYMENTS = "tckJdbcPayments";
    private static final int THREADS = 4;
    private static final int KEYS = 20;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withDatabase(Deployments.war(JdbcStoresTest.class, BeanDiscovery.ALL, JdbcTables.class,
                Attempts.class, Races.class));
    }

    @Dependent
    public static class Producers {
        @Produces
        @ApplicationScoped
        ChannelMessageStore queues(JdbcTables tables) {
            return tables.stores().channelMessageStore();
        }

        @Produces
        @Named("tckJdbcKeys")
        @ApplicationScoped
        ConcurrentMetadataStore keys(JdbcTables tables) {
            return tables.stores().metadataStore();
        }

        @Produces
        @ApplicationScoped
        @Channel(QUEUE)
        PollableChannel orders(ChannelMessageStore queues) {
            return MessageChannels.queue(QUEUE, queues);
        }
    }

    /** The persistent channel's consumer: each poll, its take and the handler's write are one transaction. */
    @ApplicationScoped
    public static class OrderDesk {
        @Inject
        Attempts attempts;

        @ServiceActivator(inputChannel = QUEUE)
        @Poller(fixedDelay = 10, receiveTimeout = 100, maxMessagesPerPoll = 1, transactional = true)
        public void take(String order) {
            attempts.attempt("order", order);
        }
    }

    /** The idempotent receiver, its keys in the JDBC metadata store; duplicates go to a channel of their own. */
    @ApplicationScoped
    public static class Cashier {
        private final Map<String, AtomicInteger> paid = new ConcurrentHashMap<>();
        private final List<String> duplicates = new CopyOnWriteArrayList<>();

        @IdempotentReceiver(key = "payload", store = "tckJdbcKeys", discardChannel = "tckJdbcDuplicates")
        @ServiceActivator(inputChannel = PAYMENTS)
        public void pay(String payment) {
            paid.computeIfAbsent(payment, key -> new AtomicInteger()).incrementAndGet();
        }

        @ServiceActivator(inputChannel = "tckJdbcDuplicates")
        public void duplicate(String payment) {
            duplicates.add(payment);
        }

        public Map<String, Integer> paid() {
            Map<String, Integer> counts = new TreeMap<>();
            paid.forEach((key, count) -> counts.put(key, count.get()));
            return counts;
        }

        public List<String> duplicates() {
            return List.copyOf(duplicates);
        }
    }

    /** Sends in a transaction of the container's, then fails if asked to, rolling everything back. */
    @ApplicationScoped
    public static class Sender {
        @Inject
        Junction junction;

        @Transactional
        public void send(String channel, String payload, boolean fail) {
            junction.channel(channel).send(Message.of(payload));
            if (fail) {
                throw new IllegalStateException("the sender of " + payload + " failed after sending");
            }
        }
    }

    @Inject
    JdbcTables tables;

    @Inject
    TestDatabase db;

    @Inject
    Sender sender;

    @Inject
    Attempts attempts;

    @Inject
    Cashier cashier;

    @Inject
    ChannelMessageStore queues;

    @Inject
    @Named("tckJdbcKeys")
    ConcurrentMetadataStore keys;

    @Inject
    @Channel(QUEUE)
    PollableChannel orders;

    @Inject
    @Channel(PAYMENTS)
    MessageChannel payments;

    /** The committed rows, as a thread outside this one's request context and transaction sees them. */
    private List<String> committed() {
        return Threads.onNewThread(db::committedRows);
    }

    @Test
    void theStoresSpeakH2OnTheContainersDataSource() {
        assertThat(tables.stores().dialect()).isEqualTo(JdbcDialect.H2);
    }

    @Test
    void aSendToAPersistentChannelThatRollsBackLeavesNothingAndOneThatCommitsIsDelivered() {
        assertThatThrownBy(() -> sender.send(QUEUE, "rolled-back", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed after sending");
        assertThat(Threads.onNewThread(() -> queues.size(QUEUE))).isZero();

        sender.send(QUEUE, "committed", false);

        await().atMost(Waiting.PATIENCE).until(() -> committed().contains("order-committed-1"));
        // a committed message sent first would have been taken first: the queue is FIFO
        assertThat(attempts.of("order", "rolled-back")).isZero();
        assertThat(committed()).noneMatch(row -> row.startsWith("order-rolled-back"));
        assertThat(queues.size(QUEUE)).isZero();
    }

    @Test
    void aPollThatFailsRollsBackItsTakeAndItsWriteAndTheMessageIsPolledAgain() {
        orders.send(Message.of("fail-once-latte"));

        await().atMost(Waiting.PATIENCE).until(() -> committed().contains("order-fail-once-latte-2"));
        assertThat(attempts.of("order", "fail-once-latte")).isEqualTo(2);
        assertThat(committed()).doesNotContain("order-fail-once-latte-1");
        assertThat(queues.size(QUEUE)).isZero();
    }

    @Test
    void aDuplicateGoesToTheDiscardChannelAndTheKeyIsInTheDatabase() {
        payments.send(Message.of("p-1"));
        payments.send(Message.of("p-1"));

        assertThat(cashier.paid()).containsEntry("p-1", 1);
        assertThat(cashier.duplicates()).filteredOn("p-1"::equals).hasSize(1);
        assertThat(Threads.onNewThread(() -> keys.get("p-1"))).isNotNull();
    }

    @Test
    void aKeyRecordedInATransactionThatRollsBackIsGoneSoTheMessageIsHandledWhenSentAgain() {
        assertThatThrownBy(() -> sender.send(PAYMENTS, "p-tx", true)).isInstanceOf(IllegalStateException.class);
        assertThat(cashier.paid()).containsEntry("p-tx", 1); // handled inside the transaction that rolled back
        assertThat(Threads.onNewThread(() -> keys.get("p-tx"))).isNull();

        sender.send(PAYMENTS, "p-tx", false);
        sender.send(PAYMENTS, "p-tx", false);

        assertThat(cashier.paid()).containsEntry("p-tx", 2);
        assertThat(cashier.duplicates()).filteredOn("p-tx"::equals).hasSize(1);
        assertThat(Threads.onNewThread(() -> keys.get("p-tx"))).isNotNull();
    }

    @Test
    void ofThreadsSendingOneKeyAtOnceExactlyOneHandlesIt() throws Exception {
        Races.sendEachKeyFromEveryThread(payments, THREADS, KEYS, "race-");
        Map<String, Integer> paid = cashier.paid();
        for (int k = 0; k < KEYS; k++) {
            assertThat(paid).containsEntry("race-" + k, 1);
        }
        assertThat(cashier.duplicates()).filteredOn(payment -> payment.startsWith("race-"))
                .hasSize(KEYS * (THREADS - 1));
    }
}
