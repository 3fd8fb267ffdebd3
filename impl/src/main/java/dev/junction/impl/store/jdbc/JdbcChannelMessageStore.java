package dev.junction.impl.store.jdbc;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.store.ChannelMessageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The queues of persistent channels in one table. A take deletes the head row that no other transaction holds
 * ({@code FOR UPDATE SKIP LOCKED}) and returns it, in one statement: inside the caller's JTA transaction the row is
 * gone only once that transaction commits, and a rollback puts it back at its place in the queue.
 */
class JdbcChannelMessageStore implements ChannelMessageStore {

    private final Database database;
    private final MessageCodec codec;
    private final String insert;
    private final JdbcDialect dialect;
    /** PostgreSQL: deletes the head and returns it. H2: selects the head (locking it), deleted by {@link #delete}. */
    private final String take;
    private final String delete;
    private final String count;
    private final String clear;

    JdbcChannelMessageStore(Database database, MessageCodec codec, JdbcDialect dialect, String prefix,
            boolean byPriority) {
        this.database = database;
        this.codec = codec;
        String table = prefix + "CHANNEL_MESSAGE";
        String order = byPriority ? "PRIORITY DESC, ID" : "ID";
        this.insert = "INSERT INTO " + table + " (QUEUE, MESSAGE_ID, PRIORITY, CREATED, MESSAGE) VALUES (?, ?, ?, ?, ?)";
        this.dialect = dialect;
        String head = "SELECT ID FROM " + table + " WHERE QUEUE = ? ORDER BY " + order + " LIMIT 1 FOR UPDATE SKIP LOCKED";
        // H2 evaluates a locking subquery of a DELETE without skipping: a taker would find the head locked and
        // delete nothing while other messages wait, so there the head is selected, then deleted by id
        this.take = dialect == JdbcDialect.POSTGRESQL
                ? "DELETE FROM " + table + " WHERE ID = (" + head + ") RETURNING MESSAGE"
                : head.replace("SELECT ID FROM", "SELECT ID, MESSAGE FROM");
        this.delete = "DELETE FROM " + table + " WHERE ID = ?";
        this.count = "SELECT COUNT(*) FROM " + table + " WHERE QUEUE = ?";
        this.clear = "DELETE FROM " + table + " WHERE QUEUE = ?";
    }

    @Override
    public void add(String queue, Message<?> message) {
        byte[] bytes = codec.encode(message);
        database.run("adding a message to queue '" + queue + "'", message, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                statement.setString(1, queue);
                statement.setString(2, message.getHeaders().getId().toString());
                statement.setInt(3, priorityOf(message));
                statement.setLong(4, message.getHeaders().getTimestamp());
                statement.setBytes(5, bytes);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Message<?> poll(String queue) {
        String operation = "taking a message from queue '" + queue + "'";
        byte[] bytes = dialect == JdbcDialect.POSTGRESQL
                ? database.run(operation, null, connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(take)) {
                        statement.setString(1, queue);
                        try (ResultSet row = statement.executeQuery()) {
                            return row.next() ? row.getBytes(1) : null;
                        }
                    }
                })
                : database.atomically(operation, null, connection -> selectThenDelete(connection, queue));
        return bytes == null ? null : codec.decode(bytes);
    }

    private byte[] selectThenDelete(Connection connection, String queue) throws SQLException {
        while (true) {
            long id;
            byte[] bytes;
            try (PreparedStatement statement = connection.prepareStatement(take)) {
                statement.setString(1, queue);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    id = row.getLong(1);
                    bytes = row.getBytes(2);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setLong(1, id);
                if (statement.executeUpdate() == 1) {
                    return bytes;
                }
            }
            // another taker committed its delete of this row between our two statements: take the next one
        }
    }

    @Override
    public int size(String queue) {
        return database.run("counting queue '" + queue + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(count)) {
                statement.setString(1, queue);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public int clear(String queue) {
        return database.run("clearing queue '" + queue + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(clear)) {
                statement.setString(1, queue);
                return statement.executeUpdate();
            }
        });
    }

    /** The priority header as an int; 0 when absent or not a number (as the SPI says). */
    static int priorityOf(Message<?> message) {
        Object priority = message.getHeaders().get(MessageHeaders.PRIORITY);
        return priority instanceof Number number ? number.intValue() : 0;
    }
}
