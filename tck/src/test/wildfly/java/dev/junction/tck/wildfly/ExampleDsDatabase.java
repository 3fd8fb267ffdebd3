package dev.junction.tck.wildfly;

import dev.junction.tck.support.IdTable;
import dev.junction.tck.support.TestDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;
import java.util.List;
import javax.sql.DataSource;

/**
 * The test database on WildFly: a table of its own in the server's default datasource (an in-memory H2 whose
 * connections take part in JTA transactions), and the server's transaction manager from JNDI.
 */
@ApplicationScoped
public class ExampleDsDatabase implements TestDatabase {

    @Resource(lookup = "java:jboss/datasources/ExampleDS")
    DataSource dataSource;
    @Resource(lookup = "java:/TransactionManager")
    TransactionManager transactionManager;

    private IdTable table;

    @PostConstruct
    void open() {
        table = IdTable.create(dataSource);
    }

    @PreDestroy
    void close() {
        table.drop(); // the database outlives the deployment
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
