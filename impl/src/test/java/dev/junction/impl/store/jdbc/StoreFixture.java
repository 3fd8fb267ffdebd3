package dev.junction.impl.store.jdbc;

import dev.junction.api.store.ChannelMessageStore;
import dev.junction.api.store.ConcurrentMetadataStore;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.api.store.MessageStore;
import dev.junction.api.store.PriorityChannelMessageStore;
import dev.junction.impl.store.InMemoryChannelMessageStore;
import dev.junction.impl.store.InMemoryMessageGroupStore;
import dev.junction.impl.store.InMemoryMessageStore;
import dev.junction.impl.store.InMemoryMetadataStore;
import dev.junction.impl.store.InMemoryPriorityChannelMessageStore;
import javax.sql.DataSource;

/** One set of stores of one backend for one test; {@link #close()} drops its tables. */
final class StoreFixture implements AutoCloseable {

    /** Where the stores keep their data. */
    enum Backend {
        MEMORY, H2, POSTGRESQL
    }

    final ChannelMessageStore channels;
    final PriorityChannelMessageStore priorityChannels;
    final MessageStore messages;
    final MessageGroupStore groups;
    final ConcurrentMetadataStore metadata;
    private final DataSource dataSource;
    private final String prefix;

    StoreFixture(Backend backend) {
        if (backend == Backend.MEMORY) {
            channels = new InMemoryChannelMessageStore();
            priorityChannels = new InMemoryPriorityChannelMessageStore();
            messages = new InMemoryMessageStore();
            groups = new InMemoryMessageGroupStore();
            metadata = new InMemoryMetadataStore();
            dataSource = null;
            prefix = null;
            return;
        }
        dataSource = backend == Backend.H2 ? TestDatabases.h2() : TestDatabases.postgresql();
        prefix = TestDatabases.uniquePrefix();
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema();
        channels = stores.channelMessageStore();
        priorityChannels = stores.priorityChannelMessageStore();
        messages = stores.messageStore();
        groups = stores.messageGroupStore();
        metadata = stores.metadataStore();
    }

    @Override
    public void close() {
        if (dataSource != null) {
            TestDatabases.dropTables(dataSource, prefix);
        }
    }
}
