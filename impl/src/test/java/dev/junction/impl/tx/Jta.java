package dev.junction.impl.tx;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Narayana as the transaction manager of the tests of this JVM and XA-capable H2 databases pooled by Agroal, whose
 * connections enlist in the thread's JTA transaction. Every run has its own object store folder under
 * {@code target/} and every database its own name, so two builds running at once do not meet.
 */
final class Jta {

    private static final TransactionManager TM;
    private static final TransactionSynchronizationRegistry TSR;

    static {
        String store = Path.of("target", "narayana-store", UUID.randomUUID().toString()).toAbsolutePath().toString();
        // before the first use of the transaction manager, which reads these beans once
        for (String name : new String[] {null, "communicationStore", "stateStore"}) {
            ObjectStoreEnvironmentBean bean = name == null ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
            bean.setObjectStoreDir(store);
        }
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("junction-impl-test");
            // no recovery in these tests: no status listener on a socket
            arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
        } catch (Exception cannotSet) {
            throw new ExceptionInInitializerError(cannotSet);
        }
        TM = com.arjuna.ats.jta.TransactionManager.transactionManager();
        TSR = new TransactionSynchronizationRegistryImple();
    }

    private Jta() {
    }

    static TransactionManager transactionManager() {
        return TM;
    }

    /**
     * @return a pool of XA connections to a new in-memory H2 database (unique name) holding
     *         {@code written(id varchar primary key)}; close it after the test
     */
    static AgroalDataSource xaDataSource(String purpose) throws SQLException {
        String url = "jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        AgroalDataSource dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(5)
                        .transactionIntegration(new NarayanaTransactionIntegration(TM, TSR))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(JdbcDataSource.class)
                                .jdbcUrl(url)
                                .principal(new NamePrincipal("sa"))
                                .credential(new SimplePassword("")))));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table written (id varchar(100) primary key)");
        }
        return dataSource;
    }

    /** Inserts a row through a connection that enlists in the thread's transaction, if there is one. */
    static void insert(DataSource dataSource, String id) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("insert into written (id) values (?)")) {
            statement.setString(1, id);
            statement.executeUpdate();
        } catch (SQLException failed) {
            throw new IllegalStateException("insert of " + id + " failed", failed);
        }
    }

    /** @return the committed rows, read outside any transaction, sorted */
    static List<String> committedRows(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from written order by id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException failed) {
            throw new IllegalStateException("reading the rows failed", failed);
        }
    }
}
