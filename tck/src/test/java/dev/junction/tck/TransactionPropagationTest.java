package dev.junction.tck;

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
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TestDatabase;
import dev.junction.tck.support.Threads;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway called inside a {@code @Transactional} method: over a direct channel the handler runs in the caller's
 * transaction, so its write commits or rolls back with the caller; behind a queue channel a poller handles the
 * message in a transaction of its own, whose write stays whatever the caller's outcome.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionPropagationTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withDatabase(Deployments.war(TransactionPropagationTest.class, BeanDiscovery.ALL));
    }

    @MessagingGateway(defaultRequestChannel = "ledger")
    public interface Ledger {
        /** Direct channel: the handler runs in the caller's thread. */
        void record(String entry);

        /** Queue channel: a transactional poller handles it on its own thread. */
        @Gateway(requestChannel = "ledgerQueue")
        void recordLater(String entry);
    }

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("ledgerQueue")
        PollableChannel ledgerQueue() {
            return MessageChannels.queue("ledgerQueue");
        }
    }

    /** The handlers: each writes a row and notes the transaction it ran in (empty: none). */
    @ApplicationScoped
    public static class LedgerWriter {
        @Inject
        TestDatabase db;

        private final Map<String, Optional<Transaction>> seenIn = new ConcurrentHashMap<>();

        @ServiceActivator(inputChannel = "ledger")
        public void direct(String entry) throws SystemException {
            write("direct-" + entry);
        }

        @ServiceActivator(inputChannel = "ledgerQueue")
        @Poller(fixedDelay = 10, receiveTimeout = 100, transactional = true)
        public void queued(String entry) throws SystemException {
            write("queue-" + entry);
        }

        private void write(String id) throws SystemException {
            boolean inTransaction = db.transactionManager().getStatus() != Status.STATUS_NO_TRANSACTION;
            seenIn.put(id, Optional.ofNullable(inTransaction ? db.transactionManager().getTransaction() : null));
            db.insert(id);
        }

        public Optional<Transaction> transactionOf(String id) {
            return seenIn.get(id);
        }
    }

    /** The caller: a {@code @Transactional} method that uses the gateway, runs a check, then may fail. */
    @ApplicationScoped
    public static class Cashier {
        @Inject
        Ledger ledger;
        @Inject
        TestDatabase db;

        private volatile Transaction last;

        @Transactional
        public void book(String entry, Runnable whileActive, boolean fail) throws SystemException {
            last = db.transactionManager().getTransaction();
            ledger.record(entry);
            whileActive.run();
            if (fail) {
                throw new IllegalStateException("the caller failed after booking " + entry);
            }
        }

        @Transactional
        public void bookLater(String entry, Runnable whileActive, boolean fail) throws SystemException {
            last = db.transactionManager().getTransaction();
            ledger.recordLater(entry);
            whileActive.run();
            if (fail) {
                throw new IllegalStateException("the caller failed after booking " + entry + " for later");
            }
        }

        public Transaction lastTransaction() {
            return last;
        }
    }

    @Inject
    Cashier cashier;

    @Inject
    LedgerWriter writer;

    @Inject
    TestDatabase db;

    /** The committed rows as a thread without a transaction sees them, while this one may be in one. */
    private List<String> committedElsewhere() {
        return Threads.onNewThread(db::committedRows);
    }

    @Test
    void aDirectFlowCommitsWithTheCallersTransaction() throws Exception {
        cashier.book("one", () -> assertThat(committedElsewhere()).doesNotContain("direct-one"), false);

        assertThat(committedElsewhere()).contains("direct-one");
        assertThat(writer.transactionOf("direct-one")).contains(cashier.lastTransaction());
    }

    @Test
    void aDirectFlowRollsBackWithTheCallersTransaction() {
        assertThatThrownBy(() -> cashier.book("two", () -> { }, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the caller failed");

        assertThat(writer.transactionOf("direct-two")).contains(cashier.lastTransaction()); // the handler did write
        assertThat(committedElsewhere()).doesNotContain("direct-two");
    }

    @Test
    void aFlowBehindAQueueChannelKeepsItsWriteWhenTheCallerRollsBack() {
        // while the caller's transaction is still active, the poller's write is already committed; then it rolls back
        Runnable awaitCommitted = () -> await().atMost(Waiting.PATIENCE)
                .until(() -> committedElsewhere().contains("queue-three"));

        assertThatThrownBy(() -> cashier.bookLater("three", awaitCommitted, true))
                .isInstanceOf(IllegalStateException.class);

        assertThat(committedElsewhere()).contains("queue-three");
        assertThat(writer.transactionOf("queue-three")).get().isNotEqualTo(cashier.lastTransaction());
    }

    @Test
    void aFlowBehindAQueueChannelCommitsOnItsOwnWhenTheCallerCommits() throws Exception {
        cashier.bookLater("four", () -> { }, false);

        await().atMost(Waiting.PATIENCE).until(() -> committedElsewhere().contains("queue-four"));
        assertThat(writer.transactionOf("queue-four")).get().isNotEqualTo(cashier.lastTransaction());
    }
}
