package dev.junction.impl.store.jdbc;

import dev.junction.api.message.Message;
import dev.junction.api.store.MessageStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Single messages by id in one table. */
final class JdbcMessageStore implements MessageStore {

    private final Database database;
    private final MessageCodec codec;
    private final JdbcDialect dialect;
    private final String insert;
    private final String select;
    private final String remove;
    private final String count;

    JdbcMessageStore(Database database, MessageCodec codec, JdbcDialect dialect, String prefix) {
        this.database = database;
        this.codec = codec;
        this.dialect = dialect;
        String table = prefix + "MESSAGE";
        this.insert = dialect == JdbcDialect.POSTGRESQL
                ? "INSERT INTO " + table + " (MESSAGE_ID, CREATED, MESSAGE) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "INSERT INTO " + table + " (MESSAGE_ID, CREATED, MESSAGE) VALUES (?, ?, ?)";
        this.select = "SELECT MESSAGE FROM " + table + " WHERE MESSAGE_ID = ?";
        this.remove = dialect.deleteReturning("DELETE FROM " + table + " WHERE MESSAGE_ID = ?", "MESSAGE");
        this.count = "SELECT COUNT(*) FROM " + table;
    }

    @Override
    public <T> Message<T> addMessage(Message<T> message) {
        byte[] bytes = codec.encode(message);
        database.run("storing message " + message.getHeaders().getId(), message, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, message.getHeaders().getId().toString());
                statement.setLong(2, message.getHeaders().getTimestamp());
                statement.setBytes(3, bytes);
                return statement.executeUpdate();
            } catch (SQLException failed) {
                if (dialect == JdbcDialect.H2 && "23505".equals(failed.getSQLState())) {
                    return 0; // already stored: H2 leaves the transaction usable after a duplicate key
                }
                throw failed;
            }
        });
        return message;
    }

    @Override
    public Message<?> getMessage(UUID id) {
        return one(select, id, "reading message ");
    }

    @Override
    public Message<?> removeMessage(UUID id) {
        return one(remove, id, "removing message ");
    }

    private Message<?> one(String sql, UUID id, String operation) {
        byte[] bytes = database.run(operation + id, null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, id.toString());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getBytes(1) : null;
                }
            }
        });
        return bytes == null ? null : codec.decode(bytes);
    }

    @Override
    public long getMessageCount() {
        return database.run("counting messages", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(count);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
