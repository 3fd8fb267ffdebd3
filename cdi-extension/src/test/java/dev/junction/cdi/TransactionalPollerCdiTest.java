package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code @Poller(transactional = true)} on Weld SE with Narayana and an XA H2 database. */
class TransactionalPollerCdiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Dependent
    public static class Channels {
        @Produces
        @ApplicationScoped
        @Channel("payments")
        PollableChannel payments() {
            return MessageChannels.queue("payments");
        }

        @Produces
        @ApplicationScoped
        @Channel("paymentErrors")
        PollableChannel paymentErrors() {
            return MessageChannels.queue("paymentErrors");
        }
    }

    /** Writes each payment, then refuses those starting with "fail". */
    @ApplicationScoped
    public static class PaymentWriter {
        @Inject
        DataSource db;
        @Inject
        TransactionManager tm;
        private final List<String> written = new CopyOnWriteArrayList<>();
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final List<Transaction> transactions = new CopyOnWriteArrayList<>();

        // accessors, not fields: the test holds a client proxy
        public List<String> written() {
            return written;
        }

        public List<Integer> statuses() {
            return statuses;
        }

        public List<Transaction> transactions() {
            return transactions;
        }

        @ServiceActivator(inputChannel = "payments")
        @Poller(fixedDelay = 10, receiveTimeout = 50, maxMessagesPerPoll = 1, errorChannel = "paymentErrors",
                transactional = true)
        public void record(String payment) throws SystemException {
            statuses.add(tm.getStatus());
            transactions.add(tm.getTransaction());
            JtaContainers.insert(db, payment);
            written.add(payment);
            if (payment.startsWith("fail")) {
                throw new IllegalStateException("refused " + payment);
            }
        }
    }

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.shutdown();
        }
    }

    @Test
    void aFailingHandlersWriteIsRolledBackAndReachesTheErrorChannelWhileOthersCommit() {
        container = JtaContainers.start("transactional-poller", Channels.class, PaymentWriter.class,
                JtaContainers.Database.class);
        PollableChannel payments = container.select(PollableChannel.class, Channel.Literal.of("payments")).get();
        PollableChannel errors = container.select(PollableChannel.class, Channel.Literal.of("paymentErrors")).get();
        DataSource db = container.select(DataSource.class).get();
        PaymentWriter writer = container.select(PaymentWriter.class).get();

        List<String> sent = List.of("ok-1", "fail-2", "ok-3", "fail-4", "ok-5");
        sent.forEach(payment -> payments.send(Message.of(payment)));

        List<Object> failedPayloads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message<?> error = errors.receive(WAIT);
            assertThat(error).isInstanceOf(ErrorMessage.class);
            assertThat((Throwable) error.getPayload()).isInstanceOf(MessageHandlingException.class)
                    .hasRootCauseMessage("refused " + (i == 0 ? "fail-2" : "fail-4"));
            failedPayloads.add(((MessageHandlingException) error.getPayload()).getFailedMessage().getPayload());
        }
        await().atMost(WAIT).until(() -> JtaContainers.committedRows(db).contains("ok-5"));

        assertThat(failedPayloads).containsExactly("fail-2", "fail-4");
        assertThat(writer.written()).containsExactlyElementsOf(sent); // every handler wrote, inside its transaction
        assertThat(JtaContainers.committedRows(db)).containsExactly("ok-1", "ok-3", "ok-5");
        assertThat(writer.statuses()).containsOnly(Status.STATUS_ACTIVE);
        assertThat(writer.transactions()).doesNotContainNull().doesNotHaveDuplicates().hasSize(5);
    }

    /** A transactional poller in a deployment without JTA. */
    @ApplicationScoped
    public static class Unmanaged {
        @ServiceActivator(inputChannel = "payments")
        @Poller(fixedDelay = 10, transactional = true)
        public void record(String payment) {
        }
    }

    @Test
    void aTransactionalPollerWithoutATransactionManagerFailsTheDeploymentNamingTheMethodAndTheFix() {
        // the Junction extension alone: no Narayana, so no TransactionManager bean (and no JNDI in SE)
        assertThatThrownBy(() -> Containers.start("transactional-poller-without-tm", Channels.class, Unmanaged.class))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining(DeploymentValidator.NO_TRANSACTION_MANAGER)
                .hasMessageContaining(Unmanaged.class.getName() + "#record")
                .hasMessageContaining("transactional = true")
                .hasMessageContaining("org.jboss.narayana.jta:cdi");
    }
}
