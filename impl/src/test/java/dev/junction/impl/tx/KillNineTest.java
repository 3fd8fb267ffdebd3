package dev.junction.impl.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.message.Message;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing is lost when a consumer JVM is killed: a separate JVM consumes N messages from a persistent queue with
 * transactional pollers, is killed ({@code Process.destroyForcibly}, SIGKILL) mid-flow, a second one finishes.
 * Every message was processed at least once, committed exactly once, and is gone from the store; the messages
 * processed twice are the ones whose transaction had not committed when the first JVM died.
 */
class KillNineTest {

    private static final int COUNT = 300;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private final List<Process> consumers = new ArrayList<>();
    private DataSource dataSource;
    private String prefix;

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process consumer : consumers) {
            consumer.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        if (dataSource != null) {
            TestDatabases.dropTables(dataSource, prefix);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aKilledConsumerLosesNothingAndDuplicatesOnlyUncommittedMessages(Kind kind) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "kill-nine", UUID.randomUUID().toString()));
        String url;
        if (kind == Kind.H2) {
            // FILE_LOCK=FS: the operating system's lock, released when the killed JVM dies; WRITE_DELAY=0: a commit
            // is written to the file before it returns (H2 otherwise writes commits up to 500 ms later, and a killed
            // JVM takes them with it, which brings those messages back to be processed again)
            url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("store") + ";FILE_LOCK=FS;WRITE_DELAY=0";
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            dataSource = h2;
        } else {
            dataSource = TestDatabases.postgresql();
            url = TestDatabases.postgresqlUrl();
        }
        prefix = TestDatabases.uniquePrefix();
        ChannelMessageStore store;
        // an embedded H2 file database closes with its last connection: one held open while this JVM fills it,
        // closed before a consumer JVM opens the file
        try (Connection held = dataSource.getConnection()) {
            store = JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema().channelMessageStore();
            execute("CREATE TABLE " + prefix + "DONE (PAYLOAD VARCHAR(20) NOT NULL)");
            for (int i = 0; i < COUNT; i++) {
                store.add("orders", Message.of("order-" + i));
            }
        }
        Path log = folder.resolve("processed.log");
        Files.createFile(log);

        Process first = startConsumer(kind, url, log);
        await().atMost(WAIT).until(() -> processed(log).size() >= COUNT / 3);
        first.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        assertThat(first.isAlive()).isFalse();
        List<String> beforeKill = processed(log);
        assertThat(beforeKill.size()).as("killed mid-flow").isLessThan(COUNT);

        Process second = startConsumer(kind, url, log);
        // the log says a message was processed before its transaction commits: wait for the commits, or the kill
        // takes the last transactions with it
        await().atMost(WAIT).until(() -> committedSoFar(kind, log).containsAll(expected()));
        second.destroyForcibly().waitFor(1, TimeUnit.MINUTES);

        Map<String, Integer> timesProcessed = histogram(processed(log));
        try (Connection held = dataSource.getConnection()) {
            verifyCommitted(store, timesProcessed, beforeKill);
        }
    }

    private void verifyCommitted(ChannelMessageStore store, Map<String, Integer> timesProcessed,
            List<String> beforeKill) throws SQLException {
        Map<String, Integer> timesCommitted = histogram(committed());
        assertThat(timesProcessed.keySet()).containsExactlyInAnyOrderElementsOf(expected());
        assertThat(timesCommitted.keySet()).containsExactlyInAnyOrderElementsOf(expected());
        assertThat(timesCommitted.values()).as("each message committed once").containsOnly(1);
        List<String> duplicates = timesProcessed.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).toList();
        // processed twice only if the first JVM was processing it when killed: at most one in flight per poller
        assertThat(duplicates).hasSizeLessThanOrEqualTo(2).allSatisfy(payload ->
                assertThat(beforeKill).contains(payload));
        assertThat(store.size("orders")).isZero();
    }

    private Process startConsumer(Kind kind, String url, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PersistentConsumerMain.class.getName(), kind.name(), url, prefix, log.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.resolveSibling("consumer-" + consumers.size() + ".out").toFile())
                .start();
        consumers.add(process);
        return process;
    }

    private static List<String> expected() {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            payloads.add("order-" + i);
        }
        return payloads;
    }

    private static List<String> processed(Path log) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("order-")) { // a line cut by the kill is not a record
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * The payloads whose transaction committed. PostgreSQL answers while a consumer runs, and only the database knows
     * of a commit that the killed JVM had sent when it died: the server may finish it after the second JVM started.
     * An embedded H2 file is the consumer's alone: its log says, the second JVM listing at its start what the killed
     * one committed without writing it down.
     */
    private List<String> committedSoFar(Kind kind, Path log) throws IOException, SQLException {
        return kind == Kind.POSTGRESQL ? committed() : committedPerLog(log);
    }

    private static List<String> committedPerLog(Path log) throws IOException {
        List<String> payloads = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith(PersistentConsumerMain.COMMITTED + "order-")) {
                payloads.add(line.substring(PersistentConsumerMain.COMMITTED.length()));
            }
        }
        return payloads;
    }

    private List<String> committed() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT PAYLOAD FROM " + prefix + "DONE")) {
            List<String> payloads = new ArrayList<>();
            while (rows.next()) {
                payloads.add(rows.getString(1));
            }
            return payloads;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Map<String, Integer> histogram(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(value -> counts.merge(value, 1, Integer::sum));
        return counts;
    }
}
