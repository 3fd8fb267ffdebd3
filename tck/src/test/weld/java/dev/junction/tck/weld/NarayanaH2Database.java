package dev.junction.tck.weld;

import dev.junction.tck.support.IdTable;
import dev.junction.tck.support.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The test database on Weld embedded: a new in-memory H2 database per deployment, reached through XA connections
 * that Agroal enlists in Narayana's transactions (Narayana's CDI module provides the manager as a bean).
 */
@ApplicationScoped
public class NarayanaH2Database implements TestDatabase {

    @Inject
    TransactionManager transactionManager;
    @Inject
    TransactionSynchronizationRegistry synchronizationRegistry;

    private AgroalDataSource dataSource;
    private IdTable table;

    @PostConstruct
    void open() {
        String url = "jdbc:h2:mem:tck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try {
            dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(5)
                            .transactionIntegration(
                                    new NarayanaTransactionIntegration(transactionManager, synchronizationRegistry))
                            .connectionFactoryConfiguration(factory -> factory
                                    .connectionProviderClass(JdbcDataSource.class)
                                    .jdbcUrl(url)
                                    .principal(new NamePrincipal("sa"))
                                    .credential(new SimplePassword("")))));
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot pool " + url, failed);
        }
        table = IdTable.create(dataSource);
    }

    @PreDestroy
    void close() {
        dataSource.close(); // the in-memory database goes with its last connection
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public TransactionManager transactionManager() {
        return transactionManager;
    }

    @Override
    public void insert(String id) {
        table.insert(id);
    }

    @Override
    public List<String> committedRows() {
        return table.committedRows();
    }
}
