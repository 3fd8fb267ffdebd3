package dev.junction.examples.cafe;

import dev.junction.api.runtime.Junction;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The cafe's database: an H2 database in a file ({@link CafeDatabaseFile}) reached through an Agroal pool of XA
 * connections, each enlisted in the JTA transaction of the thread that uses it. A write made in a transactional poll
 * therefore commits or rolls back with that poll -- the ledger's rows and the persistent channels' queues alike. The
 * tables are created when missing: a database left by an interrupted day is used as it is.
 */
@ApplicationScoped
public class CafeDatabase {

    private static final System.Logger LOG = System.getLogger(CafeDatabase.class.getName());

    /** The three tables: orders, their drinks, and the failures the error channel recorded. */
    private static final String[] SCHEMA = {
        "create table if not exists orders (order_number int primary key, drinks int not null, status varchar(10) not null)",
        "create table if not exists order_items (order_number int not null, item_number int not null, drink varchar(40) not null,"
                + " iced boolean not null, status varchar(10) not null, barista varchar(20), thread varchar(60),"
                + " primary key (order_number, item_number))",
        "create table if not exists failures (order_number int not null, item_number int not null, reason varchar(200) not null)"
    };

    @Produces
    @ApplicationScoped
    AgroalDataSource dataSource(TransactionManager transactionManager, TransactionSynchronizationRegistry registry,
            CafeDatabaseFile file) throws SQLException {
        String url = file.jdbcUrl();
        AgroalDataSource dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(10)
                        .transactionIntegration(new NarayanaTransactionIntegration(transactionManager, registry))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(JdbcDataSource.class)
                                .jdbcUrl(url)
                                .principal(new NamePrincipal("sa"))
                                .credential(new SimplePassword("")))));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : SCHEMA) {
                statement.execute(table);
            }
        }
        return dataSource;
    }

    /**
     * Closes the flows, waiting for their pollers' threads to end, before the database closes: a transactional poll of a
     * persistent queue uses the database even when it finds the queue empty, and a poll interrupted by the flows' stop
     * would otherwise commit on a database already shut down. Junction closes the runtime itself only later, after
     * the beans are destroyed; closing it twice is harmless.
     */
    void closeFlows(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event, Junction junction) {
        junction.close();
    }

    void dispose(@Disposes AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        } catch (SQLException failed) {
            LOG.log(System.Logger.Level.WARNING, "Could not shut the cafe's H2 database down", failed);
        } finally {
            dataSource.close();
        }
    }
}
