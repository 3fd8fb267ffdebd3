package dev.junction.impl.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases of the store tests: a fresh in-memory H2 database, and the machine's PostgreSQL server, which must be
 * reachable: the tests fail, never skip, when it is not. Every test uses tables of its own prefix, dropped after it,
 * so two builds at once do not meet.
 */
public final class TestDatabases {

    /** The system property naming the PostgreSQL JDBC URL of the tests. */
    public static final String POSTGRESQL_URL_PROPERTY = "junction.test.postgresql.url";
    /** The environment variable naming it, when the system property is not set. */
    public static final String POSTGRESQL_URL_ENV = "JUNCTION_TEST_POSTGRESQL_URL";
    /** The server every machine of the project runs. */
    public static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private TestDatabases() {
    }

    /** The databases a store test runs on. */
    public enum Kind {
        H2, POSTGRESQL;

        /** @return a data source of this kind (plain connections, auto-commit) */
        public DataSource dataSource() {
            return this == H2 ? h2() : postgresql();
        }

        public JdbcDialect dialect() {
            return this == H2 ? JdbcDialect.H2 : JdbcDialect.POSTGRESQL;
        }
    }

    /** @return the PostgreSQL URL the tests use */
    public static String postgresqlUrl() {
        String url = System.getProperty(POSTGRESQL_URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(POSTGRESQL_URL_ENV);
        }
        return url == null || url.isBlank() ? DEFAULT_POSTGRESQL_URL : url;
    }

    /** @return a new private in-memory H2 database, kept until the JVM exits */
    public static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:stores-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** One pool for the tests of this JVM: opening a PostgreSQL connection costs tens of milliseconds. */
    private static AgroalDataSource postgresqlPool;

    /** @return a pool of connections to the PostgreSQL server, checked to answer; shared, never closed */
    public static synchronized DataSource postgresql() {
        if (postgresqlPool == null) {
            PGSimpleDataSource plain = new PGSimpleDataSource();
            plain.setURL(postgresqlUrl());
            requireReachable(plain);
            try {
                postgresqlPool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(pool -> pool.maxSize(12)
                                .connectionFactoryConfiguration(factory -> factory
                                        .connectionProviderClass(PGSimpleDataSource.class)
                                        .jdbcUrl(postgresqlUrl()))));
            } catch (SQLException failed) {
                throw new IllegalStateException("creating the PostgreSQL pool failed", failed);
            }
        }
        return postgresqlPool;
    }

    /** Fails the test, saying what to do, when PostgreSQL does not answer. */
    public static void requireReachable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException unreachable) {
            fail("PostgreSQL is not reachable at " + postgresqlUrl() + " (" + unreachable.getMessage() + "). The store "
                    + "tests need a PostgreSQL server: start one there, or point the system property "
                    + POSTGRESQL_URL_PROPERTY + " (or the environment variable " + POSTGRESQL_URL_ENV
                    + ") at another JDBC URL", unreachable);
        }
    }

    /** @return a table prefix no other test run uses */
    public static String uniquePrefix() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT) + "_";
    }

    /** Drops every table whose name starts with the prefix. */
    public static void dropTables(DataSource dataSource, String prefix) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME");
                    if (name.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                statement.execute("DROP TABLE " + table);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("dropping the tables " + prefix + "* failed", failed);
        }
    }
}
