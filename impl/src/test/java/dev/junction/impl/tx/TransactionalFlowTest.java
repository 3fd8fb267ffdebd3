package dev.junction.impl.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A flow's transactional poller in plain Java: the runtime's transaction manager, named on its builder. */
class TransactionalFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PollerSpec TRANSACTIONAL = PollerSpec.fixedDelay(Duration.ofMillis(10))
            .receiveTimeout(Duration.ofMillis(50)).maxMessagesPerPoll(1).errorChannelName("failures")
            .transactional(Duration.ofSeconds(30));

    @Test
    void aFailedPollRollsBackItsWritesWhileTheOthersCommit() throws Exception {
        TransactionManager tm = Jta.transactionManager();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        try (AgroalDataSource db = Jta.xaDataSource("flow");
                Junction junction = Junction.builder().transactionManager(tm).build()) {
            PollableChannel failures = junction.register(MessageChannels.queue("failures"));
            junction.flow(MessageChannels.queue("deposits")).poll(TRANSACTIONAL).handle((String deposit) -> {
                statuses.add(status(tm));
                Jta.insert(db, deposit);
                if (deposit.startsWith("fail")) {
                    throw new IllegalStateException("refused " + deposit);
                }
                return null;
            });
            junction.start();

            List.of("ok-1", "fail-2", "ok-3").forEach(deposit -> junction.channel("deposits")
                    .send(Message.of(deposit)));

            assertThat(failures.receive(WAIT)).isNotNull();
            await().atMost(WAIT).until(() -> Jta.committedRows(db).contains("ok-3"));
            assertThat(Jta.committedRows(db)).containsExactly("ok-1", "ok-3");
            assertThat(statuses).hasSize(3).containsOnly(Status.STATUS_ACTIVE);
        }
    }

    @Test
    void aTransactionalPollerWithoutATransactionManagerIsAConfigurationError() {
        try (Junction junction = Junction.create()) {
            junction.register(MessageChannels.queue("failures"));
            junction.flow(MessageChannels.queue("deposits")).poll(TRANSACTIONAL).handle("payload").id("writer");

            assertThatThrownBy(junction::start).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("JNC-0220").hasMessageContaining("'writer'");
        }
    }

    private static int status(TransactionManager tm) {
        try {
            return tm.getStatus();
        } catch (SystemException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
