package dev.junction.impl.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.delayer.ContainerReleases;
import dev.junction.impl.delayer.DelayHandler;
import dev.junction.impl.delayer.ProbingScheduler;
import dev.junction.impl.runtime.JunctionRuntime;
import dev.junction.impl.store.InMemoryMessageGroupStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import dev.junction.impl.support.ManagerDemarcation;
import dev.junction.impl.testing.LogRecorder;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delayer in JTA transactions (Narayana, an XA H2 pool whose connections enlist): a message arriving in a
 * transaction is stored as part of it and scheduled after commit; a rollback leaves nothing; each release is a
 * transaction of its own, so a failed one leaves the message in the store.
 */
class DelayerTransactionTest {

    private static final Duration WAIT = Duration.ofMinutes(1);

    private final TransactionManager tm = Jta.transactionManager();
    private AgroalDataSource dataSource;
    private String prefix;
    private MessageGroupStore store;
    private Junction junction;
    private ProbingScheduler<Integer> scheduler;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = EnlistingDataSources.create(Kind.H2);
        prefix = TestDatabases.uniquePrefix();
        store = JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema().messageGroupStore();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table written (id varchar(100) primary key)");
        }
        junction = Junction.builder().transactionManager(tm).build();
        // notes, each time a release is scheduled, how many delayed messages are committed (read by another thread)
        scheduler = new ProbingScheduler<>(this::committedCount);
    }

    @AfterEach
    void tearDown() {
        junction.close();
        scheduler.shutdownNow();
        TestDatabases.dropTables(dataSource, prefix);
        dataSource.close();
    }

    private int committedCount() {
        return CompletableFuture.supplyAsync(() -> store.messageGroupSize("cooling")).join();
    }

    @Test
    void aMessageArrivingInATransactionIsStoredWithItAndScheduledAfterCommit() throws Exception {
        List<Message<?>> released = new CopyOnWriteArrayList<>();
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(50)).messageStore(store)
                .scheduler(scheduler)).id("cooling").handle((MessageHandler) released::add);
        junction.start();

        tm.begin();
        Message<String> order = Message.of("soup");
        junction.channel("orders").send(order);
        assertThat(committedCount()).isZero();
        assertThat(scheduler.observed()).isEmpty();
        tm.commit();

        await().atMost(WAIT).until(() -> released.size() == 1);
        assertThat(released).containsExactly(order);
        assertThat(scheduler.observed()).containsExactly(1); // scheduled once the stored message was committed
        assertThat(committedCount()).isZero();
    }

    @Test
    void aRollbackSchedulesNothingAndLeavesNothingInTheStore() throws Exception {
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(50)).messageStore(store)
                .scheduler(scheduler)).id("cooling").handle(message -> null);
        junction.start();

        tm.begin();
        junction.channel("orders").send(Message.of("soup"));
        tm.rollback();

        assertThat(scheduler.observed()).isEmpty();
        assertThat(committedCount()).isZero();
    }

    @Test
    void aRollbackLeavesNothingInAnInMemoryStoreEither() throws Exception {
        InMemoryMessageGroupStore memory = new InMemoryMessageGroupStore();
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(50)).messageStore(memory)
                .scheduler(scheduler)).id("cooling").handle(message -> null);
        junction.start();

        tm.begin();
        junction.channel("orders").send(Message.of("soup"));
        assertThat(memory.messageGroupSize("cooling")).isEqualTo(1);
        tm.rollback();

        assertThat(scheduler.observed()).isEmpty();
        assertThat(memory.messageGroupSize("cooling")).isZero();
    }

    @Test
    void aFailedReleaseRollsBackAndTheMessageStaysInTheStoreUntilAnAttemptCommits() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> committedDuringAttempts = new CopyOnWriteArrayList<>();
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(10)).messageStore(store)
                        .retryBackOff(Duration.ofMillis(10), Duration.ofMillis(20)))
                .id("cooling").handle((MessageHandler) message -> {
                    int attempt = attempts.incrementAndGet();
                    committedDuringAttempts.add(committedCount());
                    Jta.insert(dataSource, message.getPayload() + "-" + attempt); // part of the release transaction
                    if (attempt < 3) {
                        throw new IllegalStateException("kitchen closed");
                    }
                });
        junction.start();

        try (LogRecorder log = LogRecorder.silencing(DelayHandler.class)) {
            junction.channel("orders").send(Message.of("soup"));
            await().atMost(WAIT).until(() -> attempts.get() == 3 && committedCount() == 0);
        }
        assertThat(committedDuringAttempts).containsExactly(1, 1, 1); // claimed only by each attempt's transaction
        assertThat(Jta.committedRows(dataSource)).containsExactly("soup-3"); // the failed attempts rolled back
    }

    @Test
    void aFailedReleaseGoesToTheErrorChannelAndLeavesTheStore() {
        PollableChannel failures = junction.register(MessageChannels.queue("failures", 10));
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(10)).messageStore(store)
                        .errorChannel("failures"))
                .id("cooling").handle((MessageHandler) message -> {
                    throw new IllegalStateException("kitchen closed");
                });
        junction.start();
        Message<String> order = Message.of("soup");

        junction.channel("orders").send(order);

        Message<?> error = failures.receive(WAIT);
        assertThat(((ErrorMessage) error).getOriginalMessage()).contains(order);
        assertThat((Throwable) error.getPayload()).hasMessageStartingWith("JNC-0926 Delayer 'cooling'")
                .hasRootCauseMessage("kitchen closed");
        // the error message is queued inside the transaction that claims the message, which commits right after
        await().atMost(WAIT).until(() -> committedCount() == 0);
        assertThat(failures.receive(Duration.ZERO)).isNull();
    }

    @Test
    void inAContainerEachReleaseRunsInTheContextCapturedAtStartAndDemarcatesThroughItsUserTransaction()
            throws Exception {
        AtomicInteger begun = new AtomicInteger();
        ContainerReleases container = new CountingContainer(new ManagerDemarcation(tm), begun);
        junction.close();
        junction = JunctionRuntime.builder().transactionManagerLookup(() -> Optional.of(tm))
                .containerReleases(() -> Optional.of(container)).build();
        AtomicInteger attempts = new AtomicInteger();
        List<String> contexts = new CopyOnWriteArrayList<>();
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(10)).messageStore(store)
                        .retryBackOff(Duration.ofMillis(10), Duration.ofMillis(20)))
                .id("cooling").handle((MessageHandler) message -> {
                    int attempt = attempts.incrementAndGet();
                    contexts.add(String.valueOf(CountingContainer.CONTEXT.get()));
                    Jta.insert(dataSource, message.getPayload() + "-" + attempt); // part of the release transaction
                    if (attempt < 2) {
                        throw new IllegalStateException("kitchen closed");
                    }
                });
        CountingContainer.CONTEXT.set("start");
        try {
            junction.start();
        } finally {
            CountingContainer.CONTEXT.remove();
        }

        try (LogRecorder log = LogRecorder.silencing(DelayHandler.class)) {
            // sent in the caller's transaction, so the release is scheduled by this thread when it commits
            CountingContainer.CONTEXT.set("sender");
            try {
                tm.begin();
                junction.channel("orders").send(Message.of("soup"));
                tm.commit();
            } finally {
                CountingContainer.CONTEXT.remove();
            }
            await().atMost(WAIT).until(() -> attempts.get() == 2 && committedCount() == 0);
        }
        assertThat(contexts).containsExactly("start", "start"); // not the scheduler thread's own (none)
        assertThat(begun).hasValue(2); // one transaction per release, through the container's demarcation
        assertThat(Jta.committedRows(dataSource)).containsExactly("soup-2"); // the failed release rolled back
    }

    /**
     * A container whose "context" is a thread-local value: capturing it at the delayer's start and setting it
     * around each release, as a contextual proxy does; counts the transactions begun through it.
     */
    private record CountingContainer(UserTransaction demarcation, AtomicInteger begun) implements ContainerReleases {
        static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

        @Override
        public Executor captureContext() {
            String captured = CONTEXT.get();
            return task -> {
                String previous = CONTEXT.get();
                CONTEXT.set(captured);
                try {
                    task.run();
                } finally {
                    CONTEXT.set(previous);
                }
            };
        }

        @Override
        public UserTransaction transactions() {
            return new UserTransaction() {
                @Override
                public void begin() throws NotSupportedException, SystemException {
                    begun.incrementAndGet();
                    demarcation.begin();
                }

                @Override
                public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
                        SystemException {
                    demarcation.commit();
                }

                @Override
                public void rollback() throws SystemException {
                    demarcation.rollback();
                }

                @Override
                public void setRollbackOnly() throws SystemException {
                    demarcation.setRollbackOnly();
                }

                @Override
                public int getStatus() throws SystemException {
                    return demarcation.getStatus();
                }

                @Override
                public void setTransactionTimeout(int seconds) throws SystemException {
                    demarcation.setTransactionTimeout(seconds);
                }
            };
        }
    }
}
