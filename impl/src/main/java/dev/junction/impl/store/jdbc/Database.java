package dev.junction.impl.store.jdbc;

import dev.junction.api.message.Message;
import dev.junction.api.store.MessageStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs the stores' statements on connections of the data source. A connection enlisted in the caller's JTA
 * transaction (auto-commit off) is used as it is, so the work commits or rolls back with that transaction; on an
 * auto-commit connection, work of several statements runs in a local transaction of its own.
 */
final class Database {

    /** Work done on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String description;

    Database(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /** Runs work whose statements are each atomic on their own. */
    <T> T run(String operation, Message<?> message, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException failed) {
            throw failure(operation, message, failed);
        }
    }

    /** Runs several statements that must commit together. */
    <T> T atomically(String operation, Message<?> message, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                return work.on(connection); // the caller's transaction owns commit and rollback
            }
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failed) {
                rollback(connection, failed);
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException failed) {
            throw failure(operation, message, failed);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private MessageStoreException failure(String operation, Message<?> message, SQLException failed) {
        return new MessageStoreException(message, "JNC-0906 " + description + ": " + operation + " failed ("
                + failed.getMessage() + ", SQL state " + failed.getSQLState() + "); check the database is reachable "
                + "and its tables exist (JdbcStores.createSchema() or the DDL in the junction-impl jar)", failed);
    }
}
