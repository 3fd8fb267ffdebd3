package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.advice.Advices;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two runtimes, each with its own JDBC stores on one database and table prefix, receive every key at once: exactly
 * one of them handles it. On H2 and on the PostgreSQL server (which must answer: the test fails otherwise).
 */
class IdempotentReceiverJdbcTest {

    private static final int THREADS_PER_RUNTIME = 2;
    private static final int KEYS = 100;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoRuntimesSharingOneMetadataStoreHandleEachKeyOnce(Kind kind) throws Exception {
        DataSource dataSource = kind.dataSource();
        String prefix = TestDatabases.uniquePrefix();
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        try {
            JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema();
            List<Junction> runtimes = List.of(runtime(dataSource, prefix, handled, duplicates),
                    runtime(dataSource, prefix, handled, duplicates));
            try {
                IdempotentReceiverTest.runAtOnce(2 * THREADS_PER_RUNTIME, KEYS, (thread, key) ->
                        runtimes.get(thread % 2).channel("transfers").send(Message.of(key)));
            } finally {
                runtimes.forEach(Junction::close);
            }
            assertThat(handled).hasSize(KEYS);
            assertThat(handled.values()).allSatisfy(count -> assertThat(count).hasValue(1));
            assertThat(duplicates).hasValue(KEYS * (2 * THREADS_PER_RUNTIME - 1));
        } finally {
            TestDatabases.dropTables(dataSource, prefix);
        }
    }

    /** A runtime of its own, with stores of its own on the shared tables. */
    private static Junction runtime(DataSource dataSource, String prefix, Map<String, AtomicInteger> handled,
            AtomicInteger duplicates) {
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();
        Junction junction = Junction.create();
        junction.flow("transfers").handle((String transfer) -> {
            handled.computeIfAbsent(transfer, key -> new AtomicInteger()).incrementAndGet();
            return null;
        }).advice(Advices.idempotentReceiver().key("payload").store(stores.metadataStore())
                .discardChannel("duplicates").build());
        junction.flow("duplicates").handle((String transfer) -> {
            duplicates.incrementAndGet();
            return null;
        });
        junction.start();
        return junction;
    }
}
