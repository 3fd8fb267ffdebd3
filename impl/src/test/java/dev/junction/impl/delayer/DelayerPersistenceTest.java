package dev.junction.impl.delayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The delayer on JDBC stores: its messages survive a restart and are released into a running flow, and runtimes
 * sharing the store release each message once. On an H2 file database and on the machine's PostgreSQL server (which
 * must answer: the tests fail, never skip, when it does not).
 */
class DelayerPersistenceTest {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final Duration LONG = Duration.ofHours(1);

    /** The databases: a file that outlives the runtimes (and H2 itself, shut down between them), or PostgreSQL. */
    enum Database { H2_FILE, POSTGRESQL }

    private final List<Junction> runtimes = new ArrayList<>();
    private final List<ProbingScheduler<?>> schedulers = new ArrayList<>();
    private DataSource dropFrom;
    private String prefix;

    @AfterEach
    void tearDown() {
        runtimes.forEach(Junction::close);
        schedulers.forEach(ProbingScheduler::shutdownNow);
        if (dropFrom != null) {
            TestDatabases.dropTables(dropFrom, prefix);
        }
    }

    private static DataSource h2File(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0");
        return dataSource;
    }

    private static void shutDown(DataSource h2) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private MessageGroupStore store(DataSource dataSource) {
        return JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema().messageGroupStore();
    }

    private Junction runtime() {
        Junction junction = Junction.create();
        runtimes.add(junction);
        return junction;
    }

    private static DelayerSpec delayer(MessageGroupStore store) {
        return DelayerSpec.withDefaultDelay(LONG).delayExpression("headers['delay']").messageStore(store);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void delayedMessagesSurviveARestartAndThoseDueGoOnOnceTheFlowRuns(Database database) throws Exception {
        prefix = TestDatabases.uniquePrefix();
        Path file = Path.of("target", "delayer-db", UUID.randomUUID().toString(), "store");
        DataSource before = database == Database.H2_FILE ? h2File(file) : TestDatabases.postgresql();

        // the application stores two messages and goes down before either is due: its releases stop first
        Junction first = runtime();
        List<Message<?>> releasedBefore = new CopyOnWriteArrayList<>();
        first.flow("orders").delay(delayer(store(before))).id("cooling").handle((MessageHandler) releasedBefore::add).id("kitchen");
        first.start();
        first.endpoint("cooling.releases").orElseThrow().stop();
        Instant dueSoon = Instant.now().plusMillis(200);
        Message<String> soon = MessageBuilder.withPayload("soup").setHeader("delay", dueSoon).build();
        Message<String> later = MessageBuilder.withPayload("stew").build();
        first.channel("orders").send(soon);
        first.channel("orders").send(later);
        first.close();
        if (database == Database.H2_FILE) {
            shutDown(before);
        }
        assertThat(releasedBefore).isEmpty();
        await().atMost(WAIT).until(() -> Instant.now().isAfter(dueSoon)); // the first message is overdue now

        // the application starts again, on the same database
        DataSource after = database == Database.H2_FILE ? h2File(file) : TestDatabases.postgresql();
        dropFrom = after;
        Junction second = runtime();
        AtomicReference<Junction> self = new AtomicReference<>(second);
        ProbingScheduler<Boolean> scheduler = new ProbingScheduler<>(() -> self.get().endpoint("kitchen")
                .map(Endpoint::isRunning).orElse(false));
        schedulers.add(scheduler);
        PollableChannel failures = second.register(MessageChannels.queue("failures", 10));
        List<Message<?>> released = new CopyOnWriteArrayList<>();
        second.flow("orders").delay(delayer(store(after)).scheduler(scheduler).errorChannel("failures"))
                .id("cooling").handle((MessageHandler) released::add).id("kitchen");
        second.start();

        await().atMost(WAIT).until(() -> released.size() == 1);
        assertThat(released.get(0)).isEqualTo(soon);
        assertThat(released.get(0).getHeaders()).doesNotContainKey(DelayHandler.RELEASE_AT_HEADER);
        // both releases were scheduled while the flow after the delayer was running, and none failed
        assertThat(scheduler.observed()).containsExactly(true, true);
        assertThat(failures.receive(Duration.ZERO)).isNull();
        assertThat(handler(second).getDelayedMessageCount()).isEqualTo(1);
        assertThat(store(after).getMessageGroup("cooling").messages().stream().map(message -> (Object) message
                .getPayload()).toList()).containsExactly("stew");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void runtimesSharingTheStoreReleaseEachMessageOnce(TestDatabases.Kind kind) {
        prefix = TestDatabases.uniquePrefix();
        DataSource shared = kind.dataSource();
        dropFrom = shared;
        MessageGroupStore store = store(shared);
        int perRuntime = 25;
        List<Message<?>> released = new CopyOnWriteArrayList<>();
        List<Junction> cluster = List.of(runtime(), runtime());
        for (Junction junction : cluster) {
            junction.flow("orders").delay(delayer(store)).id("cooling").handle((MessageHandler) released::add);
            junction.start();
            junction.endpoint("cooling.releases").orElseThrow().stop();
        }
        Set<UUID> sent = new HashSet<>();
        for (Junction junction : cluster) {
            for (int i = 0; i < perRuntime; i++) {
                Message<Integer> order = MessageBuilder.withPayload(i).setHeader("delay", 1).build();
                sent.add(order.getHeaders().getId());
                junction.channel("orders").send(order);
            }
        }
        assertThat(store.messageGroupSize("cooling")).isEqualTo(2 * perRuntime);

        // both start releasing: each schedules every message of the shared group, all due, and they compete
        cluster.forEach(junction -> junction.endpoint("cooling.releases").orElseThrow().start());

        await().atMost(WAIT).until(() -> released.size() >= 2 * perRuntime && store.messageGroupSize("cooling") == 0);
        for (Junction junction : cluster) {
            await().atMost(WAIT).until(() -> handler(junction).releasesInProgress() == 0);
        }
        assertThat(released).hasSize(2 * perRuntime);
        assertThat(released.stream().map(message -> message.getHeaders().getId()).toList())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
    }

    private static DelayHandler handler(Junction junction) {
        return ((DelayedReleases) junction.endpoint("cooling.releases").orElseThrow()).getHandler();
    }
}
