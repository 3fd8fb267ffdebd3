package dev.junction.cdi;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.jta.cdi.TransactionExtension;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
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
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE containers with JTA: Narayana's CDI module (the transaction manager and synchronization registry as
 * beans, the {@code @Transactional} interceptors) and, through {@link Database}, an XA-capable H2 database pooled by
 * Agroal whose connections enlist in the JTA transaction. Each run has its own Narayana object store under
 * {@code target/}, each container its own database, so builds running at once do not meet. Public for the guide's
 * tests ({@code dev.junction.cdi.docs}): the object store must be set up in this one place, before any of them
 * starts Narayana.
 */
public final class JtaContainers {

    static {
        String store = Path.of("target", "narayana-store", UUID.randomUUID().toString()).toAbsolutePath().toString();
        // before the first use of the transaction manager, which reads these beans once
        for (String name : new String[] {null, "communicationStore", "stateStore"}) {
            ObjectStoreEnvironmentBean bean = name == null ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
            bean.setObjectStoreDir(store);
        }
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("junction-cdi-test");
            // no recovery in these tests: no status listener on a socket
            arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
        } catch (Exception cannotSet) {
            throw new ExceptionInInitializerError(cannotSet);
        }
    }

    private JtaContainers() {
    }

    /** @return a started container of these classes with the Junction and Narayana extensions */
    public static WeldContainer start(String id, Class<?>... beanClasses) {
        return new Weld(id).disableDiscovery().addExtension(new JunctionExtension())
                .addExtension(new TransactionExtension()).addBeanClasses(beanClasses).initialize();
    }

    /** Produces the XA data source handlers inject: a new in-memory H2 database holding {@code written(id)}. */
    @ApplicationScoped
    public static class Database {

        @Produces
        @ApplicationScoped
        AgroalDataSource dataSource(TransactionManager tm, TransactionSynchronizationRegistry tsr) throws SQLException {
            String url = "jdbc:h2:mem:cdi-tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            AgroalDataSource dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(5)
                            .transactionIntegration(new NarayanaTransactionIntegration(tm, tsr))
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

        void close(@Disposes AgroalDataSource dataSource) {
            dataSource.close();
        }
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

    /**
     * @return the committed rows, sorted; call it on a thread without a transaction (it would enlist in one and
     *         see that transaction's own writes)
     */
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
