package dev.junction.examples.cafe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.examples.cafe.LedgerSnapshot.OrderRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted day loses no order: the program runs in a JVM of its own and is killed ({@code SIGKILL}) as soon as
 * the last receipt is printed, while orders and drinks still wait on the persistent queues; a second run on the same
 * H2 file resumes the day and serves every order (and refuses the one with an unknown drink), each drink once.
 */
class CafeRestartTest {

    /** Generous: the day's drinks take about two seconds of barista time. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void aKilledDayResumesOnTheSameDatabaseAndServesEveryOrder() throws Exception {
        CafeDatabaseFile database = new CafeDatabaseFile(directory.resolve("day"));
        List<String> firstRun = runAndKillAfterTheLastReceipt(database, directory);
        assertThat(firstRun).anySatisfy(line -> assertThat(line).contains("receipt for order 5"));

        // what the kill left: an order not served yet, and messages waiting on the persistent queues
        int unfinished = count(database, "select count(*) from orders where status = 'PLACED'");
        int queued = count(database, "select count(*) from JNC_CHANNEL_MESSAGE");
        assertThat(unfinished).as("orders the kill interrupted").isPositive();
        assertThat(queued).as("orders and drinks waiting on the persistent queues").isPositive();

        CafeApplication.Run resumed = CafeApplication.run(CafeOrders.today(), PATIENCE, database);

        assertThat(resumed.outcome().problems()).isEmpty();
        assertThat(resumed.exitStatus()).isZero();
        assertThat(resumed.outcome().ledger().orders()).containsExactly(new OrderRow(1, 2, "SERVED"),
                new OrderRow(2, 3, "SERVED"), new OrderRow(3, 3, "SERVED"), new OrderRow(4, 2, "REFUSED"),
                new OrderRow(5, 3, "SERVED"));
        assertThat(resumed.transcript())
                .anySatisfy(line -> assertThat(line).startsWith("cafe").contains("resuming an interrupted day: 5"
                        + " orders placed"))
                .anySatisfy(line -> assertThat(line).contains("order 5 was placed before the interruption"))
                .noneSatisfy(line -> assertThat(line).startsWith("counter"));
        // every drink made once: a claim needs the drink ORDERED, so a second making would have failed the day
        assertThat(resumed.outcome().ledger().failures()).hasSize(1);
        assertThat(database.exists()).as("the resumed day went as it should and is closed").isFalse();
    }

    /** @return the lines the program printed until it was killed */
    private static List<String> runAndKillAfterTheLastReceipt(CafeDatabaseFile database, Path directory)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // its temporary directory is the test's: the killed JVM cannot delete its transaction log, JUnit does
        Process cafe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + directory, "-D" + CafeDatabaseFile.PROPERTY + "=" + database.path(),
                CafeApplication.class.getName())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(cafe.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                lines.add(line);
                if (line.contains("receipt for order 5")) {
                    cafe.destroyForcibly();
                    break;
                }
            }
        } finally {
            cafe.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        assertThat(Files.exists(Path.of(database.path() + ".mv.db"))).as("the killed day's database, in "
                + lines).isTrue();
        return lines;
    }

    private static int count(CafeDatabaseFile database, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "sa", "");
                Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }
}
