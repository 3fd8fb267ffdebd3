package dev.junction.impl.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.endpoint.EndpointRegistry;
import dev.junction.impl.endpoint.PollingConsumer;
import dev.junction.impl.poller.TransactionalPollAdvice;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactional pollers with a real transaction manager (Narayana) and a real XA database (H2 through Agroal):
 * receive and handling share one transaction, a failure undoes the handler's writes and reaches the error channel.
 */
class TransactionalPollerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TransactionManager tm = Jta.transactionManager();
    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final QueueChannel input = new QueueChannel("orders");
    private final QueueChannel errors = new QueueChannel("errors");
    /** What the handler saw, one entry per message handled. */
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** The transaction of each receive that returned a message. */
    private final List<Transaction> receivedIn = new CopyOnWriteArrayList<>();
    private AgroalDataSource db;

    record Seen(String payload, int status, Transaction transaction, int timeoutSeconds) {
    }

    @BeforeEach
    void database() throws SQLException {
        db = Jta.xaDataSource("poller");
    }

    @AfterEach
    void tearDown() throws SystemException {
        endpoints.stopAll();
        scheduler.close();
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tm.rollback(); // a failed test leaves no transaction on the thread
        }
        db.close();
    }

    /** Writes the payload as a row, then fails for payloads starting with "fail". */
    private final MessageHandler writer = message -> {
        String id = (String) message.getPayload();
        seen.add(new Seen(id, status(), transaction(), timeoutOf(transaction())));
        Jta.insert(db, id);
        if (id.startsWith("fail")) {
            throw new IllegalStateException("refused " + id);
        }
    };

    private final ReceiveMessageAdvice recordReceiveTransaction = new ReceiveMessageAdvice() {
        @Override
        public Message<?> afterReceive(Message<?> result, Object source) {
            if (result != null) {
                receivedIn.add(transaction());
            }
            return result;
        }
    };

    private PollerSpec transactionalPoller(TransactionalPollAdvice advice) {
        return PollerSpec.fixedDelay(Duration.ofMillis(10)).receiveTimeout(Duration.ofMillis(50)).maxMessagesPerPoll(1)
                .errorChannel(errors).advice(advice).receiveAdvice(recordReceiveTransaction);
    }

    private PollingConsumer byHand(TransactionalPollAdvice advice) {
        return (PollingConsumer) endpoints.consumer("byHand", input, writer, transactionalPoller(advice).build(), false);
    }

    @Test
    void failedMessagesAreRolledBackAndReachTheErrorChannelWhileTheOthersCommit() {
        endpoints.consumer("writer", input, writer, transactionalPoller(TransactionalPollAdvice.of(tm)).build(), true);
        endpoints.startAll();
        List<String> payloads = List.of("ok-1", "fail-2", "ok-3", "fail-4", "ok-5");
        payloads.forEach(payload -> input.send(Message.of(payload)));

        Message<?> firstError = errors.receive(WAIT);
        Message<?> secondError = errors.receive(WAIT);
        await().atMost(WAIT).until(() -> Jta.committedRows(db).contains("ok-5"));

        assertThat(Jta.committedRows(db)).containsExactly("ok-1", "ok-3", "ok-5");
        List<Object> failedPayloads = new java.util.ArrayList<>();
        for (Message<?> error : List.of(firstError, secondError)) {
            assertThat(error).isInstanceOf(ErrorMessage.class);
            assertThat((Throwable) error.getPayload()).isInstanceOf(MessageHandlingException.class)
                    .hasRootCauseInstanceOf(IllegalStateException.class);
            failedPayloads.add(((MessageHandlingException) error.getPayload()).getFailedMessage().getPayload());
        }
        assertThat(failedPayloads).containsExactly("fail-2", "fail-4");
        // the failed handlers did write their rows, inside their transactions, before the rollback
        assertThat(seen).extracting(Seen::payload).containsExactlyElementsOf(payloads);
        assertThat(seen).extracting(Seen::status).containsOnly(Status.STATUS_ACTIVE);
        // receive and handling in one transaction, one transaction per message (maxMessagesPerPoll = 1)
        assertThat(seen).extracting(Seen::transaction).containsExactlyElementsOf(receivedIn).doesNotHaveDuplicates()
                .doesNotContainNull();
        assertThat(tm.getClass().getName()).startsWith("com.arjuna");
    }

    @Test
    void aUserTransactionDemarcatesThePollsAsWell() {
        endpoints.consumer("writer", input, writer,
                transactionalPoller(TransactionalPollAdvice.of(com.arjuna.ats.jta.UserTransaction.userTransaction()))
                        .build(), true);
        endpoints.startAll();
        List.of("ok-1", "fail-2", "ok-3").forEach(payload -> input.send(Message.of(payload)));

        Message<?> error = errors.receive(WAIT);
        await().atMost(WAIT).until(() -> Jta.committedRows(db).contains("ok-3"));

        assertThat(Jta.committedRows(db)).containsExactly("ok-1", "ok-3");
        assertThat(((MessageHandlingException) error.getPayload()).getFailedMessage().getPayload()).isEqualTo("fail-2");
        assertThat(seen).extracting(Seen::status).containsOnly(Status.STATUS_ACTIVE);
    }

    @Test
    void aTransactionMarkedRollbackOnlyByAHandlerIsRolledBackAndFailsThePoll() throws Exception {
        PollingConsumer consumer = (PollingConsumer) endpoints.consumer("marking", input, message -> {
            Jta.insert(db, (String) message.getPayload());
            try {
                tm.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException(e);
            }
        }, transactionalPoller(TransactionalPollAdvice.of(tm)).build(), false);
        input.send(Message.of("quietly-doomed"));

        assertThatThrownBy(consumer::pollNow).isInstanceOf(RollbackException.class)
                .hasMessageContaining("rollback-only");

        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(Jta.committedRows(db)).isEmpty();
    }

    @Test
    void aFailureLeavesNoTransactionOnThePollingThread() throws Exception {
        PollingConsumer consumer = byHand(TransactionalPollAdvice.of(tm));
        input.send(Message.of("fail-1"));
        input.send(Message.of("ok-2"));

        assertThatThrownBy(consumer::pollNow).isInstanceOf(MessageHandlingException.class)
                .hasRootCauseMessage("refused fail-1");
        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(consumer.pollNow()).isTrue();

        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(Jta.committedRows(db)).containsExactly("ok-2");
        assertThat(seen.get(0).transaction()).isNotEqualTo(seen.get(1).transaction());
    }

    @Test
    void aPollInsideAnActiveTransactionJoinsItAndLeavesTheOutcomeToItsOwner() throws Exception {
        PollingConsumer consumer = byHand(TransactionalPollAdvice.of(tm));

        tm.begin();
        Transaction callers = tm.getTransaction();
        input.send(Message.of("joined-then-rolled-back"));
        assertThat(consumer.pollNow()).isTrue();
        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_ACTIVE); // not committed by the advice
        tm.rollback();
        assertThat(Jta.committedRows(db)).isEmpty();

        tm.begin();
        input.send(Message.of("joined-then-committed"));
        consumer.pollNow();
        tm.commit();
        assertThat(Jta.committedRows(db)).containsExactly("joined-then-committed");

        tm.begin();
        input.send(Message.of("fail-joined"));
        assertThatThrownBy(consumer::pollNow).isInstanceOf(MessageHandlingException.class);
        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        tm.rollback();

        assertThat(Jta.committedRows(db)).containsExactly("joined-then-committed");
        assertThat(seen.get(0).transaction()).isEqualTo(callers);
        assertThat(receivedIn.get(0)).isEqualTo(callers);
    }

    @Test
    void theTimeoutAppliesToTheTransactionsTheAdviceBeginsOnly() throws Exception {
        TransactionalPollAdvice advice = TransactionalPollAdvice.of(tm).withTimeout(Duration.ofMillis(1500));
        assertThat(advice.timeout()).contains(Duration.ofSeconds(2)); // JTA counts whole seconds: rounded up
        PollingConsumer consumer = byHand(advice);
        input.send(Message.of("timed"));

        consumer.pollNow();

        assertThat(seen).extracting(Seen::timeoutSeconds).containsExactly(2);
        tm.begin(); // the next transaction of the thread has the default timeout again
        int next = timeoutOf(tm.getTransaction());
        tm.rollback();
        assertThat(next).isEqualTo(arjPropertyManager.getCoordinatorEnvironmentBean().getDefaultTimeout());
    }

    @Test
    void timeoutSettingsAreChecked() {
        TransactionalPollAdvice advice = TransactionalPollAdvice.of(tm);

        assertThat(advice.timeout()).isEmpty();
        assertThat(advice.withTimeout(Duration.ofSeconds(5)).withTimeout(null).timeout()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> advice.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    private int status() {
        try {
            return tm.getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private Transaction transaction() {
        try {
            return tm.getTransaction();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int timeoutOf(Transaction transaction) {
        return transaction instanceof TransactionImple narayana ? narayana.getTimeout() : -1;
    }
}
