package dev.junction.impl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a persistent queue's send and take ask of the database outside a transaction. On a server database every
 * statement is a network round trip and every commit that changed rows waits for the database's log to reach the
 * disk, so these counts bound a queue's throughput: a send is one insert committing on its own; on PostgreSQL a take
 * is one statement that deletes and returns the head.
 */
class ChannelStoreStatementsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSendIsOneInsertOnOneConnection(Kind kind) {
        measure(kind, (store, counter) -> {
            store.add("orders", Message.of("order"));

            assertThat(counter.connections()).isEqualTo(1);
            assertThat(counter.executed()).hasSize(1).allSatisfy(sql -> assertThat(sql).startsWith("INSERT"));
            assertThat(counter.commits()).as("auto-commit: the insert commits on its own").isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTakeIsOneStatementOnPostgresqlAndASelectThenDeleteOnH2(Kind kind) {
        measure(kind, (store, counter) -> {
            store.add("orders", Message.of("order"));
            counter.reset();

            assertThat(store.poll("orders")).isNotNull();

            assertThat(counter.connections()).isEqualTo(1);
            if (kind == Kind.POSTGRESQL) {
                assertThat(counter.executed()).hasSize(1)
                        .allSatisfy(sql -> assertThat(sql).startsWith("DELETE").contains("SKIP LOCKED", "RETURNING"));
                assertThat(counter.commits()).isZero();
            } else {
                assertThat(counter.executed()).hasSize(2);
                assertThat(counter.executed().get(0)).startsWith("SELECT").contains("SKIP LOCKED");
                assertThat(counter.executed().get(1)).startsWith("DELETE");
                assertThat(counter.commits()).isEqualTo(1);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTakeFromAnEmptyQueueIsOneStatement(Kind kind) {
        measure(kind, (store, counter) -> {
            assertThat(store.poll("orders")).isNull();

            assertThat(counter.connections()).isEqualTo(1);
            assertThat(counter.executed()).hasSize(1);
        });
    }

    /** A check of one store whose calls are counted. */
    @FunctionalInterface
    private interface Check {
        void run(ChannelMessageStore store, CountingDataSource counter);
    }

    private static void measure(Kind kind, Check check) {
        DataSource dataSource = kind.dataSource();
        String prefix = TestDatabases.uniquePrefix();
        JdbcStores.builder(dataSource).dialect(kind.dialect()).tablePrefix(prefix).build().createSchema();
        try {
            CountingDataSource counter = new CountingDataSource(dataSource);
            ChannelMessageStore store = JdbcStores.builder(counter.dataSource()).dialect(kind.dialect())
                    .tablePrefix(prefix).build().channelMessageStore();
            check.run(store, counter);
        } finally {
            TestDatabases.dropTables(dataSource, prefix);
        }
    }
}
