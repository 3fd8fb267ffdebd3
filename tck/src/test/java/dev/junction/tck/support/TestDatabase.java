package dev.junction.tck.support;

import jakarta.transaction.TransactionManager;
import java.util.List;
import javax.sql.DataSource;

/**
 * A table of ids in a database whose connections take part in JTA transactions, and the container's transaction
 * manager: what the transaction tests write to and look at. Each container profile provides it as an
 * {@code @ApplicationScoped} bean ({@link TckContainer#addDatabase}); each deployment gets a table of its own.
 */
public interface TestDatabase {

    /**
     * @return the database's data source, whose connections enlist in the calling thread's JTA transaction: what an
     *         application gives Junction's JDBC stores (the tables it creates there are its own)
     */
    DataSource dataSource();

    /** @return the container's JTA transaction manager */
    TransactionManager transactionManager();

    /**
     * Inserts a row through a connection that enlists in the calling thread's transaction, if there is one.
     *
     * @param id the row's id, unique in the table
     */
    void insert(String id);

    /**
     * @return the committed ids, sorted; call it on a thread without a transaction (a connection enlisted in one
     *         would also see that transaction's own writes)
     */
    List<String> committedRows();
}
