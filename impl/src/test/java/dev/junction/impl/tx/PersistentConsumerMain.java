package dev.junction.impl.tx;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.PersistentQueueChannel;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The consumer JVM of {@link KillNineTest}: consumes the persistent queue "orders" with two transactional pollers.
 * For each message it appends the payload to a log file (flushed to the OS at once: the record that it was
 * processed, which survives a kill) and inserts it into {@code <prefix>DONE} in the poll's transaction (the record
 * that its processing committed). Once that transaction has committed it appends {@code committed <payload>}, so
 * that the test knows when the last message is in the database before it kills this JVM; at its start it appends
 * the same line for every payload already in {@code <prefix>DONE}, since a JVM killed between a commit and that line
 * never wrote it. Runs until killed.
 *
 * <p>Arguments: database kind, JDBC URL, table prefix, log file.
 */
public final class PersistentConsumerMain {

    /** The start of the line that says a message's transaction committed. */
    static final String COMMITTED = "committed ";

    private PersistentConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        Kind kind = Kind.valueOf(args[0]);
        String url = args[1];
        String prefix = args[2];
        FileOutputStream log = new FileOutputStream(args[3], true);
        AgroalDataSource dataSource = EnlistingDataSources.create(kind, url);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();
        logCommittedBefore(url, prefix, log);
        Junction junction = Junction.builder().transactionManager(Jta.transactionManager()).build();
        MessageHandler handler = message -> {
            String payload = (String) message.getPayload();
            append(log, payload);
            afterCommit(() -> append(log, COMMITTED + payload));
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + prefix + "DONE (PAYLOAD) VALUES (?)")) {
                insert.setString(1, payload);
                insert.executeUpdate();
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            }
            pause(); // some work per message, so that the kill finds transactions open
        };
        for (String consumer : new String[] {"first", "second"}) {
            // two channels on one queue: two consumers competing for its messages
            junction.flow(PersistentQueueChannel.builder(stores.channelMessageStore()).name("orders-" + consumer)
                    .queue("orders").build())
                    .poll(PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ofMillis(200))
                            .maxMessagesPerPoll(1).transactional())
                    .handle(handler).id(consumer);
        }
        junction.start();
        System.out.println("consuming");
        new CountDownLatch(1).await(); // until killed
    }

    /** Appends the committed line of every payload a JVM before this one committed. */
    private static void logCommittedBefore(String url, String prefix, FileOutputStream log) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT PAYLOAD FROM " + prefix + "DONE")) {
            while (rows.next()) {
                append(log, COMMITTED + rows.getString(1));
            }
        }
    }

    private static void append(FileOutputStream log, String line) {
        try {
            synchronized (log) {
                log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void afterCommit(Runnable action) {
        try {
            Jta.transactionManager().getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        } catch (RollbackException | SystemException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
