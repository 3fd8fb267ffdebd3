package dev.junction.impl.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.impl.store.jdbc.JdbcStores;
import dev.junction.impl.store.jdbc.TestDatabases;
import dev.junction.impl.store.jdbc.TestDatabases.Kind;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A persistent queue channel consumed by transactional pollers (Narayana, pooled connections enlisted in the
 * poll's transaction): a rollback leaves the message in the store for the next poll, a commit removes it once, and
 * consumers sharing the queue get each message once.
 */
class PersistentChannelTransactionTest {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private AgroalDataSource dataSource;
    private String prefix;
    private final List<Junction> runtimes = new ArrayList<>();

    private ChannelMessageStore store(Kind kind) {
        dataSource = EnlistingDataSources.create(kind);
        prefix = TestDatabases.uniquePrefix();
        return JdbcStores.builder(dataSource).tablePrefix(prefix).build().createSchema().channelMessageStore();
    }

    private Junction runtime() {
        Junction junction = Junction.builder().transactionManager(Jta.transactionManager()).build();
        runtimes.add(junction);
        return junction;
    }

    private static PollerSpec transactionalPoller() {
        return PollerSpec.fixedDelay(Duration.ofMillis(5)).receiveTimeout(Duration.ofMillis(100)).maxMessagesPerPoll(1)
                .transactional();
    }

    @AfterEach
    void tearDown() {
        runtimes.forEach(Junction::close);
        if (dataSource != null) {
            TestDatabases.dropTables(dataSource, prefix);
            dataSource.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRolledBackPollLeavesTheMessageInTheStoreForTheNextPoll(Kind kind) {
        ChannelMessageStore store = store(kind);
        Junction junction = runtime();
        AtomicInteger attempts = new AtomicInteger();
        List<Object> handled = new CopyOnWriteArrayList<>();
        List<Message<?>> errors = new CopyOnWriteArrayList<>();
        PollableChannel errorChannel = MessageChannels.queue("failures");
        junction.flow(MessageChannels.queue("orders", store))
                .poll(transactionalPoller().errorChannel(errorChannel))
                .handle((MessageHandler) message -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    handled.add(message.getPayload());
                });
        junction.start();

        Message<String> order = Message.of("latte");
        junction.channel("orders").send(order);

        // the handler runs inside the poll's transaction: the row is gone for others only once that commits
        await().atMost(WAIT).until(() -> handled.contains("latte") && store.size("orders") == 0);
        errors.add(errorChannel.receive(Duration.ZERO));
        assertThat(attempts).hasValue(2);
        assertThat(handled).containsExactly("latte");
        assertThat(errors.get(0)).isInstanceOf(ErrorMessage.class);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void consumersInSeveralRuntimesSharingTheQueueGetEachMessageOnce(Kind kind) {
        ChannelMessageStore store = store(kind);
        int count = 200;
        Map<Object, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        for (int r = 0; r < 3; r++) {
            // three runtimes stand for three JVMs: each has its own channel object on the shared queue
            Junction junction = runtime();
            junction.flow(MessageChannels.queue("orders", store))
                    .poll(transactionalPoller())
                    .handle((MessageHandler) message -> deliveries.computeIfAbsent(message.getPayload(), unused -> new AtomicInteger())
                            .incrementAndGet());
            junction.start();
        }
        PollableChannel sender = MessageChannels.queue("orders", store);
        for (int i = 0; i < count; i++) {
            sender.send(Message.of(i));
        }

        await().atMost(WAIT).until(() -> deliveries.size() == count && store.size("orders") == 0);
        assertThat(deliveries.values()).allSatisfy(times -> assertThat(times).hasValue(1));
    }
}
