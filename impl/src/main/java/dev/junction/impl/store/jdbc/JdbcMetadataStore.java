package dev.junction.impl.store.jdbc;

import dev.junction.api.store.ConcurrentMetadataStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Key-value entries in one table. {@link #putIfAbsent} relies on the primary key: of two callers inserting one key
 * at once, in any JVMs, the database lets exactly one insert.
 */
final class JdbcMetadataStore implements ConcurrentMetadataStore {

    private final Database database;
    private final JdbcDialect dialect;
    private final String insertIfAbsent;
    private final String select;
    private final String update;
    private final String replace;
    private final String remove;

    JdbcMetadataStore(Database database, JdbcDialect dialect, String prefix) {
        this.database = database;
        this.dialect = dialect;
        String table = prefix + "METADATA";
        this.insertIfAbsent = dialect.insertIfAbsent(table, "META_KEY", "META_VALUE");
        this.select = "SELECT META_VALUE FROM " + table + " WHERE META_KEY = ?";
        this.update = "UPDATE " + table + " SET META_VALUE = ? WHERE META_KEY = ?";
        this.replace = "UPDATE " + table + " SET META_VALUE = ? WHERE META_KEY = ? AND META_VALUE = ?";
        this.remove = dialect.deleteReturning("DELETE FROM " + table + " WHERE META_KEY = ?", "META_VALUE");
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        database.atomically("storing metadata '" + key + "'", null, connection -> {
            if (!insert(connection, key, value)) {
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    statement.setString(1, value);
                    statement.setString(2, key);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public String putIfAbsent(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return database.run("storing metadata '" + key + "' if absent", null, connection -> {
            if (insert(connection, key, value)) {
                return null;
            }
            String existing = read(connection, key);
            // removed between the two statements: report it as held by the value that was there
            return existing == null ? value : existing;
        });
    }

    private boolean insert(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertIfAbsent)) {
            statement.setString(1, key);
            statement.setString(2, value);
            return statement.executeUpdate() == 1;
        } catch (SQLException failed) {
            if (dialect == JdbcDialect.H2 && "23505".equals(failed.getSQLState())) {
                return false; // a concurrent insert won the race; H2 keeps the transaction usable
            }
            throw failed;
        }
    }

    @Override
    public boolean replace(String key, String expected, String value) {
        return database.run("replacing metadata '" + key + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(replace)) {
                statement.setString(1, value);
                statement.setString(2, key);
                statement.setString(3, expected);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public String get(String key) {
        return database.run("reading metadata '" + key + "'", null, connection -> read(connection, key));
    }

    @Override
    public String remove(String key) {
        return database.run("removing metadata '" + key + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(remove)) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    private String read(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
