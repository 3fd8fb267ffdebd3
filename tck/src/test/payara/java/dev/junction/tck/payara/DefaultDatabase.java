package dev.junction.tck.payara;

import dev.junction.tck.support.IdTable;
import dev.junction.tck.support.TestDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The test database on Payara: a table of its own in the server's default datasource {@code jdbc/__default} (an H2
 * database whose connections the server enlists in JTA transactions), and the server's transaction manager from JNDI.
 *
 * <p>Both are looked up by their global JNDI names rather than injected with {@code @Resource}: Payara Micro cannot
 * inject a {@code @Resource} field into a bean created while the CDI extensions observe
 * {@code AfterDeploymentValidation} ("Lookup failed for 'java:comp/env/...'"), and a bean that a {@code Declaration}
 * uses to build its flows -- the JDBC stores of {@code JdbcStoresTest} -- is created then.
 */
@ApplicationScoped
public class DefaultDatabase implements TestDatabase {

    private DataSource dataSource;
    private TransactionManager transactionManager;
    private IdTable table;

    @PostConstruct
    void open() {
        try {
            dataSource = InitialContext.doLookup("jdbc/__default");
            transactionManager = InitialContext.doLookup("java:appserver/TransactionManager");
        } catch (NamingException notBound) {
            throw new IllegalStateException("Payara's default datasource or transaction manager is not in JNDI",
                    notBound);
        }
        table = IdTable.create(dataSource);
    }

    @PreDestroy
    void close() {
        table.drop(); // the database can outlive the deployment
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
