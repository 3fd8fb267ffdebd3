package dev.junction.impl.store.jdbc;

import dev.junction.api.message.Message;
import dev.junction.api.store.MessageGroup;
import dev.junction.api.store.MessageGroupStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Message groups in two tables: one row per group (completion, times) and one per message. Group keys are stored
 * as their {@code toString()}, so {@link #groupIds()} returns strings.
 */
final class JdbcMessageGroupStore implements MessageGroupStore {

    private final Database database;
    private final MessageCodec codec;
    private final String touchGroup;
    private final String insertMessage;
    private final String selectGroup;
    private final String selectMessages;
    private final String removeMessage;
    private final String takeOldest;
    private final String complete;
    private final String removeGroup;
    private final String removeGroupMessages;
    private final String countMessages;
    private final String groupKeys;

    JdbcMessageGroupStore(Database database, MessageCodec codec, JdbcDialect dialect, String prefix) {
        this.database = database;
        this.codec = codec;
        String groups = prefix + "MESSAGE_GROUP";
        String messages = prefix + "GROUP_MESSAGE";
        this.touchGroup = dialect == JdbcDialect.POSTGRESQL
                ? "INSERT INTO " + groups + " (GROUP_KEY, COMPLETE, CREATED, UPDATED) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (GROUP_KEY) DO UPDATE SET UPDATED = EXCLUDED.UPDATED, "
                        + "COMPLETE = " + groups + ".COMPLETE OR EXCLUDED.COMPLETE"
                : "MERGE INTO " + groups + " G USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS BOOLEAN), "
                        + "CAST(? AS BIGINT), CAST(? AS BIGINT))) S(K, C, T, U) ON G.GROUP_KEY = S.K "
                        + "WHEN MATCHED THEN UPDATE SET UPDATED = S.U, COMPLETE = G.COMPLETE OR S.C "
                        + "WHEN NOT MATCHED THEN INSERT (GROUP_KEY, COMPLETE, CREATED, UPDATED) VALUES (S.K, S.C, S.T, S.U)";
        this.insertMessage = "INSERT INTO " + messages + " (GROUP_KEY, MESSAGE_ID, MESSAGE) VALUES (?, ?, ?)";
        this.selectGroup = "SELECT COMPLETE, CREATED, UPDATED FROM " + groups + " WHERE GROUP_KEY = ?";
        this.selectMessages = "SELECT MESSAGE FROM " + messages + " WHERE GROUP_KEY = ? ORDER BY ID";
        this.removeMessage = "DELETE FROM " + messages + " WHERE GROUP_KEY = ? AND MESSAGE_ID = ?";
        this.takeOldest = dialect.deleteReturning("DELETE FROM " + messages + " WHERE ID = (SELECT ID FROM " + messages
                + " WHERE GROUP_KEY = ? ORDER BY ID LIMIT 1 FOR UPDATE SKIP LOCKED)", "MESSAGE");
        this.complete = "UPDATE " + groups + " SET COMPLETE = TRUE, UPDATED = ? WHERE GROUP_KEY = ?";
        this.removeGroup = "DELETE FROM " + groups + " WHERE GROUP_KEY = ?";
        this.removeGroupMessages = "DELETE FROM " + messages + " WHERE GROUP_KEY = ?";
        this.countMessages = "SELECT COUNT(*) FROM " + messages + " WHERE GROUP_KEY = ?";
        this.groupKeys = "SELECT GROUP_KEY FROM " + groups;
    }

    @Override
    public void addMessagesToGroup(Object groupId, Message<?>... toAdd) {
        String key = groupId.toString();
        List<byte[]> encoded = new ArrayList<>(toAdd.length);
        for (Message<?> message : toAdd) {
            encoded.add(codec.encode(message));
        }
        database.atomically("adding messages to group '" + key + "'", toAdd.length == 1 ? toAdd[0] : null,
                connection -> {
                    touch(connection, key, false);
                    try (PreparedStatement statement = connection.prepareStatement(insertMessage)) {
                        for (int i = 0; i < toAdd.length; i++) {
                            statement.setString(1, key);
                            statement.setString(2, toAdd[i].getHeaders().getId().toString());
                            statement.setBytes(3, encoded.get(i));
                            statement.addBatch();
                        }
                        statement.executeBatch();
                    }
                    return null;
                });
    }

    private void touch(Connection connection, String key, boolean completed) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement statement = connection.prepareStatement(touchGroup)) {
            statement.setString(1, key);
            statement.setBoolean(2, completed);
            statement.setLong(3, now);
            statement.setLong(4, now);
            statement.executeUpdate();
        }
    }

    @Override
    public MessageGroup getMessageGroup(Object groupId) {
        String key = groupId.toString();
        return database.atomically("reading group '" + key + "'", null, connection -> {
            boolean completed;
            long created;
            long updated;
            try (PreparedStatement statement = connection.prepareStatement(selectGroup)) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return MessageGroup.empty(groupId);
                    }
                    completed = row.getBoolean(1);
                    created = row.getLong(2);
                    updated = row.getLong(3);
                }
            }
            List<Message<?>> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(selectMessages)) {
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(codec.decode(rows.getBytes(1)));
                    }
                }
            }
            return new MessageGroup(groupId, found, completed, created, updated);
        });
    }

    @Override
    public void removeMessagesFromGroup(Object groupId, Collection<? extends Message<?>> messages) {
        String key = groupId.toString();
        database.atomically("removing messages from group '" + key + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(removeMessage)) {
                for (Message<?> message : messages) {
                    statement.setString(1, key);
                    statement.setString(2, message.getHeaders().getId().toString());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            touch(connection, key, false);
            return null;
        });
    }

    @Override
    public boolean removeMessageFromGroup(Object groupId, UUID messageId) {
        String key = groupId.toString();
        // one DELETE: the database lets exactly one of several concurrent deleters see the row go. The group row is
        // not touched, so that claims of different messages of one group never wait for each other
        return database.run("removing message " + messageId + " from group '" + key + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(removeMessage)) {
                statement.setString(1, key);
                statement.setString(2, messageId.toString());
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** @return {@code true}: the statements join the caller's transaction when the data source enlists them */
    @Override
    public boolean isTransactional() {
        return true;
    }

    @Override
    public Message<?> pollMessageFromGroup(Object groupId) {
        String key = groupId.toString();
        byte[] bytes = database.run("taking the oldest message of group '" + key + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(takeOldest)) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getBytes(1) : null;
                }
            }
        });
        return bytes == null ? null : codec.decode(bytes);
    }

    @Override
    public void completeGroup(Object groupId) {
        String key = groupId.toString();
        database.run("completing group '" + key + "'", null, connection -> {
            touch(connection, key, true);
            return null;
        });
    }

    @Override
    public void removeMessageGroup(Object groupId) {
        String key = groupId.toString();
        database.atomically("removing group '" + key + "'", null, connection -> {
            for (String sql : new String[] {removeGroupMessages, removeGroup}) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, key);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public int messageGroupSize(Object groupId) {
        String key = groupId.toString();
        return database.run("counting group '" + key + "'", null, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(countMessages)) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public Collection<Object> groupIds() {
        return database.run("listing groups", null, connection -> {
            List<Object> keys = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(groupKeys);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        });
    }
}
