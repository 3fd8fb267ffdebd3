package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import dev.junction.tck.support.TestDatabase;
import dev.junction.tck.support.Waiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @Poller(transactional = true)} with the container's transaction manager: each poll is one JTA transaction
 * around the receive and the handler; a handler that fails rolls its database write back and its failure reaches the
 * poller's error channel, while the other polls commit.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionalPollerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withDatabase(Deployments.war(TransactionalPollerTest.class, BeanDiscovery.ALL));
    }

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

    /** Writes each payment, then refuses those starting with "fail" (after writing them). */
    @ApplicationScoped
    public static class PaymentWriter {
        @Inject
        TestDatabase db;

        private final List<String> written = new CopyOnWriteArrayList<>();
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final List<Transaction> transactions = new CopyOnWriteArrayList<>();

        @ServiceActivator(inputChannel = "payments")
        @Poller(fixedDelay = 10, receiveTimeout = 100, maxMessagesPerPoll = 1, errorChannel = "paymentErrors",
                transactional = true)
        public void record(String payment) throws SystemException {
            statuses.add(db.transactionManager().getStatus());
            transactions.add(db.transactionManager().getTransaction());
            db.insert(payment);
            written.add(payment);
            if (payment.startsWith("fail")) {
                throw new IllegalStateException("refused " + payment);
            }
        }

        public List<String> written() {
            return List.copyOf(written);
        }

        public List<Integer> statuses() {
            return List.copyOf(statuses);
        }

        public List<Transaction> transactions() {
            return List.copyOf(transactions);
        }
    }

    @Inject
    @Channel("payments")
    PollableChannel payments;

    @Inject
    @Channel("paymentErrors")
    PollableChannel paymentErrors;

    @Inject
    PaymentWriter writer;

    @Inject
    TestDatabase db;

    @Test
    void aFailingHandlersWriteIsRolledBackAndReachesTheErrorChannelWhileTheOtherPollsCommit() {
        List<String> sent = List.of("ok-1", "fail-2", "ok-3", "fail-4", "ok-5");
        sent.forEach(payment -> payments.send(Message.of(payment)));

        List<Object> failed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message<?> error = paymentErrors.receive(Waiting.PATIENCE);
            assertThat(error).isInstanceOf(ErrorMessage.class);
            assertThat((Throwable) error.getPayload()).isInstanceOf(MessageHandlingException.class)
                    .hasRootCauseMessage("refused " + (i == 0 ? "fail-2" : "fail-4"));
            failed.add(((MessageHandlingException) error.getPayload()).getFailedMessage().getPayload());
        }
        await().atMost(Waiting.PATIENCE).until(() -> db.committedRows().contains("ok-5"));

        assertThat(failed).containsExactly("fail-2", "fail-4");
        assertThat(writer.written()).containsExactlyElementsOf(sent); // every handler wrote, in its transaction
        assertThat(db.committedRows()).containsExactly("ok-1", "ok-3", "ok-5");
        assertThat(writer.statuses()).containsOnly(Status.STATUS_ACTIVE);
        assertThat(writer.transactions()).doesNotContainNull().doesNotHaveDuplicates().hasSize(5);
    }
}
