package dev.junction.benchmarks;

import dev.junction.api.message.Message;
import dev.junction.impl.channel.PersistentQueueChannel;
import dev.junction.impl.store.jdbc.JdbcStores;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.H2ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.messaging.support.GenericMessage;

/**
 * A persistent queue channel on a database: one operation is a send of a small message and the receive that takes
 * it back, both committing on their own (no surrounding transaction), from one thread, or from several with
 * {@code -t}, each sending and receiving on the same channel. Both frameworks use the same
 * database in the same run, each with its own tables, through the same connection pool (Agroal, 4 connections).
 *
 * <ul>
 *   <li>{@code junction}: {@link PersistentQueueChannel} on {@code JdbcStores}' channel message store.</li>
 *   <li>{@code spring}: Spring Integration's {@code QueueChannel} over a {@code MessageGroupQueue} of its
 *       {@code JdbcChannelMessageStore} with the database's query provider, as its reference documentation
 *       configures a JDBC-backed queue channel.</li>
 * </ul>
 *
 * <p>{@code database}: {@code H2} (in memory) or {@code POSTGRESQL} (the URL in the system property
 * {@code junction.bench.postgresql.url}, default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PersistentQueueBenchmark {

    /** A bound on a receive loop that can only spin forever if a send was lost. */
    private static final int MAX_EMPTY_RECEIVES = 1_000_000;

    @Param({"H2", "POSTGRESQL"})
    public String database;

    private AgroalDataSource dataSource;
    private String junctionPrefix;
    private String springPrefix;
    private PersistentQueueChannel junction;
    private QueueChannel spring;
    private final Message<String> junctionMessage = Message.of("order");
    private final GenericMessage<String> springMessage = new GenericMessage<>("order");

    @Setup
    public void setUp() throws SQLException, IOException {
        setUp(pool -> pool, null);
    }

    /**
     * The set-up, for {@link PersistentQueueCosts}: both frameworks reach the pool through {@code view} (a counting
     * wrapper there), and every pooled connection first runs {@code connectionInitSql} when not {@code null}.
     */
    void setUp(UnaryOperator<DataSource> view, String connectionInitSql) throws SQLException, IOException {
        boolean h2 = database.equals("H2");
        String url = h2 ? "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : System.getProperty("junction.bench.postgresql.url",
                        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(4)
                        .connectionFactoryConfiguration(factory -> connectionInitSql == null ? factory.jdbcUrl(url)
                                : factory.jdbcUrl(url).initialSql(connectionInitSql))));
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        junctionPrefix = "BJ" + run + "_";
        springPrefix = "BS" + run + "_";

        JdbcStores stores = JdbcStores.builder(view.apply(dataSource)).tablePrefix(junctionPrefix).build()
                .createSchema();
        junction = PersistentQueueChannel.builder(stores.channelMessageStore()).name("orders").build();

        runScript("org/springframework/integration/jdbc/schema-" + (h2 ? "h2" : "postgresql") + ".sql");
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(view.apply(dataSource));
        store.setTablePrefix(springPrefix);
        store.setChannelMessageStoreQueryProvider(h2 ? new H2ChannelMessageStoreQueryProvider()
                : new PostgresChannelMessageStoreQueryProvider());
        store.afterPropertiesSet(); // Spring's stores are configured by setters, then initialised
        spring = new QueueChannel(new MessageGroupQueue(store, "orders"));
    }

    /** Runs Spring Integration's shipped DDL with this run's table prefix in place of its INT_. */
    private void runScript(String resource) throws SQLException, IOException {
        String ddl;
        try (InputStream in = JdbcChannelMessageStore.class.getClassLoader().getResourceAsStream(resource)) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // comments out first, block comments included (the PostgreSQL script comments out an optional trigger)
        ddl = ddl.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*--.*$", "").replace("INT_", springPrefix);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.trim());
                }
            }
        }
    }

    @TearDown
    public void tearDown() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[] {"CHANNEL_MESSAGE", "MESSAGE", "MESSAGE_GROUP", "GROUP_MESSAGE",
                    "METADATA"}) {
                statement.execute("DROP TABLE IF EXISTS " + junctionPrefix + table);
            }
            for (String table : new String[] {"CHANNEL_MESSAGE", "MESSAGE", "MESSAGE_GROUP", "GROUP_TO_MESSAGE",
                    "METADATA_STORE", "LOCK"}) {
                statement.execute("DROP TABLE IF EXISTS " + springPrefix + table);
            }
        }
        dataSource.close();
    }

    @Benchmark
    public Object junction() {
        junction.send(junctionMessage);
        return firstReceived(() -> junction.receive(Duration.ZERO));
    }

    @Benchmark
    public Object spring() {
        spring.send(springMessage);
        return firstReceived(() -> spring.receive(0));
    }

    /**
     * Receives until a message comes. With one thread the first receive always gets the message just sent. With
     * several ({@code -t 4}) every thread that sent and has not yet received leaves a message in the queue, so one is
     * always there for it, but a receive may find the rows it saw taken or locked by the others: it asks again, and
     * the operation still ends with one message received for the one sent.
     */
    private static Object firstReceived(Supplier<Object> receive) {
        for (int attempt = 0; attempt < MAX_EMPTY_RECEIVES; attempt++) {
            Object message = receive.get();
            if (message != null) {
                return message;
            }
        }
        throw new IllegalStateException("nothing received in " + MAX_EMPTY_RECEIVES + " receives after a send");
    }
}
