package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway called inside a {@code @Transactional} method: its direct flow runs in the caller's transaction (the
 * handler's writes commit or roll back with the caller); a flow behind an executor channel or a queue channel does
 * not (its writes stay, whatever the caller's outcome).
 */
class TransactionPropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @MessagingGateway(defaultRequestChannel = "ledger")
    public interface Ledger {
        /** Direct channel: the handler runs in the caller's thread. */
        void record(String entry);

        /** Executor channel: the handler runs on another thread, without a transaction. */
        @Gateway(requestChannel = "ledgerExecutor")
        void recordOnExecutor(String entry);

        /** Queue channel: a transactional poller handles it in its own transaction. */
        @Gateway(requestChannel = "ledgerQueue")
        void recordOnQueue(String entry);
    }

    @ApplicationScoped
    public static class AsyncChannels {
        private final ExecutorService executor = Executors.newFixedThreadPool(2);

        @Produces
        @ApplicationScoped
        @Channel("ledgerExecutor")
        SubscribableChannel ledgerExecutor() {
            return MessageChannels.executor("ledgerExecutor", executor);
        }

        @Produces
        @ApplicationScoped
        @Channel("ledgerQueue")
        PollableChannel ledgerQueue() {
            return MessageChannels.queue("ledgerQueue");
        }

        @PreDestroy
        void shutdown() {
            executor.shutdownNow();
        }
    }

    /** The handlers: each writes a row and notes the transaction it ran in (absent: none). */
    @ApplicationScoped
    public static class LedgerWriter {
        @Inject
        DataSource db;
        @Inject
        TransactionManager tm;
        private final Map<String, Optional<Transaction>> seenIn = new ConcurrentHashMap<>();

        @ServiceActivator(inputChannel = "ledger")
        public void direct(String entry) throws SystemException {
            write("direct-" + entry);
        }

        @ServiceActivator(inputChannel = "ledgerExecutor")
        public void onExecutor(String entry) throws SystemException {
            write("executor-" + entry);
        }

        @ServiceActivator(inputChannel = "ledgerQueue")
        @Poller(fixedDelay = 10, receiveTimeout = 50, transactional = true)
        public void onQueue(String entry) throws SystemException {
            write("queue-" + entry);
        }

        private void write(String id) throws SystemException {
            seenIn.put(id, Optional.ofNullable(tm.getStatus() == Status.STATUS_NO_TRANSACTION ? null : tm.getTransaction()));
            JtaContainers.insert(db, id);
        }

        public Optional<Transaction> transactionOf(String id) {
            return seenIn.get(id);
        }
    }

    /** The caller: a {@code @Transactional} method using the gateway, then possibly failing. */
    @ApplicationScoped
    public static class Cashier {
        @Inject
        Ledger ledger;
        @Inject
        TransactionManager tm;
        private volatile Transaction last;

        @Transactional
        public void book(String entry, Runnable whileActive, boolean fail) throws SystemException {
            last = tm.getTransaction();
            ledger.record(entry);
            whileActive.run();
            if (fail) {
                throw new IllegalStateException("the caller failed after booking " + entry);
            }
        }

        @Transactional
        public void bookElsewhere(String entry, Runnable whileActive, boolean fail) throws SystemException {
            last = tm.getTransaction();
            ledger.recordOnExecutor(entry);
            ledger.recordOnQueue(entry);
            whileActive.run();
            if (fail) {
                throw new IllegalStateException("the caller failed after booking " + entry + " elsewhere");
            }
        }

        public Transaction lastTransaction() {
            return last;
        }
    }

    private WeldContainer container;
    private Cashier cashier;
    private LedgerWriter writer;
    private DataSource db;

    @BeforeEach
    void start() {
        container = JtaContainers.start("transaction-propagation", Ledger.class, AsyncChannels.class,
                LedgerWriter.class, Cashier.class, JtaContainers.Database.class);
        cashier = container.select(Cashier.class).get();
        writer = container.select(LedgerWriter.class).get();
        db = container.select(DataSource.class).get();
    }

    @AfterEach
    void stop() {
        container.shutdown();
    }

    /** The committed rows, as another thread without a transaction sees them. */
    private List<String> committedElsewhere() {
        return CompletableFuture.supplyAsync(() -> JtaContainers.committedRows(db)).join();
    }

    @Test
    void aDirectFlowCommitsWithTheCallersTransaction() throws Exception {
        cashier.book("one", () -> assertThat(committedElsewhere()).doesNotContain("direct-one"), false);

        assertThat(JtaContainers.committedRows(db)).containsExactly("direct-one");
        assertThat(writer.transactionOf("direct-one")).contains(cashier.lastTransaction());
    }

    @Test
    void aDirectFlowRollsBackWithTheCallersTransaction() {
        assertThatThrownBy(() -> cashier.book("two", () -> { }, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the caller failed");

        assertThat(writer.transactionOf("direct-two")).contains(cashier.lastTransaction()); // the handler did write
        assertThat(JtaContainers.committedRows(db)).isEmpty();
    }

    @Test
    void flowsBehindAnExecutorOrQueueChannelKeepTheirWritesWhenTheCallerRollsBack() {
        // the caller's transaction is still active while both writes are already committed; then it rolls back
        Runnable awaitBothCommitted = () -> await().atMost(WAIT)
                .until(() -> JtaContainers.committedRows(db).containsAll(List.of("executor-three", "queue-three")));

        assertThatThrownBy(() -> cashier.bookElsewhere("three", awaitBothCommitted, true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(JtaContainers.committedRows(db)).containsExactly("executor-three", "queue-three");
        assertThat(writer.transactionOf("executor-three")).isEmpty(); // another thread: no transaction at all
        assertThat(writer.transactionOf("queue-three")).get() // the poller's own transaction
                .isNotEqualTo(cashier.lastTransaction());
    }

    @Test
    void flowsBehindAnExecutorOrQueueChannelCommitOnTheirOwnWhenTheCallerCommits() throws Exception {
        cashier.bookElsewhere("four", () -> { }, false);

        await().atMost(WAIT).until(() -> JtaContainers.committedRows(db).size() == 2);
        assertThat(JtaContainers.committedRows(db)).containsExactly("executor-four", "queue-four");
        assertThat(writer.transactionOf("executor-four")).isEmpty();
        assertThat(writer.transactionOf("queue-four")).get().isNotEqualTo(cashier.lastTransaction());
    }
}
