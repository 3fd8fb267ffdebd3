package dev.junction.impl.store.jdbc;

import dev.junction.api.store.PriorityChannelMessageStore;

/** The queues of persistent priority channels: the same table, taken highest priority first, then oldest first. */
final class JdbcPriorityChannelMessageStore extends JdbcChannelMessageStore implements PriorityChannelMessageStore {

    JdbcPriorityChannelMessageStore(Database database, MessageCodec codec, JdbcDialect dialect, String prefix) {
        super(database, codec, dialect, prefix, true);
    }
}
