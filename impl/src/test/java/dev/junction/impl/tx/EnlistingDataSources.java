package dev.junction.impl.tx;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.junction.impl.store.jdbc.TestDatabases;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Pools whose connections enlist in the thread's JTA transaction (Narayana): XA for H2, a local resource for
 * PostgreSQL (the server allows no prepared transactions, and one resource per transaction needs none).
 */
final class EnlistingDataSources {

    private EnlistingDataSources() {
    }

    static AgroalDataSource create(Kind kind) {
        if (kind == Kind.H2) {
            return create(kind, "jdbc:h2:mem:persistent-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        TestDatabases.postgresql(); // fails the test, saying what to do, when the server does not answer
        return create(kind, TestDatabases.postgresqlUrl());
    }

    static AgroalDataSource create(Kind kind, String url) {
        Class<?> provider = kind == Kind.H2 ? JdbcDataSource.class : PGSimpleDataSource.class;
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(8)
                            .transactionIntegration(new NarayanaTransactionIntegration(Jta.transactionManager(),
                                    new TransactionSynchronizationRegistryImple()))
                            .connectionFactoryConfiguration(factory -> factory
                                    .connectionProviderClass(provider)
                                    .jdbcUrl(url))));
        } catch (SQLException failed) {
            throw new IllegalStateException("creating the " + kind + " pool failed", failed);
        }
    }
}
