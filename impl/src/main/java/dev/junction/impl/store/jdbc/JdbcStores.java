package dev.junction.impl.store.jdbc;

import dev.junction.api.store.ChannelMessageStore;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.api.store.MessageStore;
import dev.junction.api.store.PriorityChannelMessageStore;
import dev.junction.api.store.ValueSerializer;
import dev.junction.impl.store.ValueSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The JDBC stores of one database and one table prefix, built from a {@link DataSource}. The stores take part in
 * the caller's JTA transaction when the data source enlists its connections (an XA pool, a container's data
 * source); otherwise each operation commits on its own.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource).build();
 * stores.createSchema();                        // or run the DDL shipped in the jar yourself
 * ChannelMessageStore queues = stores.channelMessageStore();
 * }</pre>
 */
public final class JdbcStores {

    /** The prefix of every table name unless {@link Builder#tablePrefix(String)} says otherwise. */
    public static final String DEFAULT_TABLE_PREFIX = "JNC_";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private final String prefix;
    private final ValueSerializer serializer;
    private final ChannelMessageStore channelMessageStore;
    private final PriorityChannelMessageStore priorityChannelMessageStore;
    private final MessageStore messageStore;
    private final MessageGroupStore messageGroupStore;
    private final ConcurrentMetadataStore metadataStore;

    private JdbcStores(Builder builder, JdbcDialect dialect) {
        this.dataSource = builder.dataSource;
        this.dialect = dialect;
        this.prefix = builder.prefix;
        this.serializer = builder.serializer;
        Database database = new Database(dataSource, "JDBC store (" + dialect + ", tables " + prefix + "*)");
        MessageCodec codec = new MessageCodec(serializer);
        this.channelMessageStore = new JdbcChannelMessageStore(database, codec, dialect, prefix, false);
        this.priorityChannelMessageStore = new JdbcPriorityChannelMessageStore(database, codec, dialect, prefix);
        this.messageStore = new JdbcMessageStore(database, codec, dialect, prefix);
        this.messageGroupStore = new JdbcMessageGroupStore(database, codec, dialect, prefix);
        this.metadataStore = new JdbcMetadataStore(database, dialect, prefix);
    }

    /** @return a builder for stores on this data source */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** @return the FIFO queues of persistent channels */
    public ChannelMessageStore channelMessageStore() {
        return channelMessageStore;
    }

    /** @return the priority queues of persistent priority channels (the same table as the FIFO queues) */
    public PriorityChannelMessageStore priorityChannelMessageStore() {
        return priorityChannelMessageStore;
    }

    /** @return single messages by id */
    public MessageStore messageStore() {
        return messageStore;
    }

    /** @return message groups */
    public MessageGroupStore messageGroupStore() {
        return messageGroupStore;
    }

    /** @return the key-value entries, atomic across JVMs */
    public ConcurrentMetadataStore metadataStore() {
        return metadataStore;
    }

    /** @return the database these stores speak to */
    public JdbcDialect dialect() {
        return dialect;
    }

    /** @return the prefix of the table names */
    public String tablePrefix() {
        return prefix;
    }

    /**
     * Creates the tables and indexes that do not exist yet, running the dialect's DDL ({@link
     * JdbcDialect#schemaResource()}) with this store's table prefix, outside any transaction of the caller's.
     *
     * @return these stores
     */
    public JdbcStores createSchema() {
        // comments first: they may hold semicolons
        String ddl = schemaScript(dialect).replaceAll("(?m)^\\s*--.*$", "").replace(DEFAULT_TABLE_PREFIX, prefix);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.trim());
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("JNC-0907 Creating the tables " + prefix + "* on " + dialect
                    + " failed: " + failed.getMessage() + "; check the data source's user may create tables, or run "
                    + dialect.schemaResource() + " yourself", failed);
        }
        return this;
    }

    /** @return the DDL of a dialect with the default table prefix, as shipped in the jar */
    public static String schemaScript(JdbcDialect dialect) {
        try (InputStream in = JdbcStores.class.getClassLoader().getResourceAsStream(dialect.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("the resource " + dialect.schemaResource() + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Builds {@link JdbcStores}. */
    public static final class Builder {
        private final DataSource dataSource;
        private JdbcDialect dialect;
        private String prefix = DEFAULT_TABLE_PREFIX;
        private ValueSerializer serializer = ValueSerializers.jsonb();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The database; when not given, found from the connection's metadata at {@link #build()}. */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * The prefix of every table name (default {@value JdbcStores#DEFAULT_TABLE_PREFIX}): a letter, then letters,
         * digits or underscores, 30 characters at most.
         */
        public Builder tablePrefix(String prefix) {
            if (prefix == null || !PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("JNC-0904 The table prefix '" + prefix + "' is not allowed: start "
                        + "with a letter, then letters, digits or underscores, 30 characters at most (default "
                        + DEFAULT_TABLE_PREFIX + ")");
            }
            this.prefix = prefix;
            return this;
        }

        /** How payloads and header values other than strings, numbers, booleans, UUIDs and bytes are written. */
        public Builder serializer(ValueSerializer serializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            return this;
        }

        /** @return the stores */
        public JdbcStores build() {
            return new JdbcStores(this, dialect != null ? dialect : detectDialect());
        }

        private JdbcDialect detectDialect() {
            String product;
            try (Connection connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
            } catch (SQLException failed) {
                throw new IllegalStateException("JNC-0905 The JDBC stores cannot find which database the data source "
                        + "connects to: " + failed.getMessage() + "; name it with dialect(...)", failed);
            }
            JdbcDialect found = JdbcDialect.ofProductName(product);
            if (found == null) {
                throw new IllegalStateException("JNC-0905 The JDBC stores support H2 and PostgreSQL, not " + product
                        + "; use one of them, or implement the store interfaces of dev.junction.api.store");
            }
            return found;
        }
    }
}
