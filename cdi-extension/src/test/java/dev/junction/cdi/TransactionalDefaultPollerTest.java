package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.DefaultPoller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A default poller declared with the api alone ({@code PollerSpec.transactional()}) runs each poll in a transaction of
 * the container's transaction manager, as {@code @Poller(transactional = true)} does.
 */
class TransactionalDefaultPollerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Dependent
    public static class Declarations {
        @Produces
        @ApplicationScoped
        @Channel("deposits")
        PollableChannel deposits() {
            return MessageChannels.queue("deposits");
        }

        @Produces
        @ApplicationScoped
        @Channel("depositErrors")
        PollableChannel depositErrors() {
            return MessageChannels.queue("depositErrors");
        }

        @Produces
        @Singleton
        @DefaultPoller
        PollerMetadata defaultPoller() {
            return PollerSpec.fixedDelay(Duration.ofMillis(10)).receiveTimeout(Duration.ofMillis(50))
                    .maxMessagesPerPoll(1).errorChannelName("depositErrors").transactional().build();
        }
    }

    @ApplicationScoped
    public static class DepositWriter {
        @Inject
        DataSource db;
        @Inject
        TransactionManager tm;
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();

        public List<Integer> statuses() {
            return statuses;
        }

        @ServiceActivator(inputChannel = "deposits")
        public void record(String deposit) throws SystemException {
            statuses.add(tm.getStatus());
            JtaContainers.insert(db, deposit);
            if (deposit.startsWith("fail")) {
                throw new IllegalStateException("refused " + deposit);
            }
        }
    }

    @Test
    void eachPollOfTheDefaultPollerIsATransaction() {
        WeldContainer container = JtaContainers.start("transactional-default-poller", Declarations.class,
                DepositWriter.class, JtaContainers.Database.class);
        try {
            PollableChannel deposits = container.select(PollableChannel.class, Channel.Literal.of("deposits")).get();
            PollableChannel errors = container.select(PollableChannel.class, Channel.Literal.of("depositErrors"))
                    .get();
            DataSource db = container.select(DataSource.class).get();

            List.of("ok-1", "fail-2", "ok-3").forEach(deposit -> deposits.send(Message.of(deposit)));

            assertThat(errors.receive(WAIT)).isNotNull();
            await().atMost(WAIT).until(() -> JtaContainers.committedRows(db).contains("ok-3"));
            assertThat(JtaContainers.committedRows(db)).containsExactly("ok-1", "ok-3");
            assertThat(container.select(DepositWriter.class).get().statuses()).hasSize(3)
                    .containsOnly(Status.STATUS_ACTIVE);
        } finally {
            container.shutdown();
        }
    }

    /** The same default poller in a deployment without JTA. */
    @ApplicationScoped
    public static class Unmanaged {
        @ServiceActivator(inputChannel = "deposits")
        public void record(String deposit) {
        }
    }

    @Test
    void withoutTransactionsTheDeploymentFailsNamingTheEndpoint() {
        assertThatThrownBy(() -> Containers.start("no-transactions", Declarations.class, Unmanaged.class).close())
                .hasMessageContaining("JNC-0220")
                .hasMessageContaining("Unmanaged.record");
    }
}
