package dev.junction.impl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.store.MessageGroup;
import dev.junction.impl.store.jdbc.StoreFixture.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every store implementation does, in memory, on H2 and on PostgreSQL. */
class StoreContractTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChannelQueueIsFifoAndKeepsTheMessagesIdentity(Backend backend) {
        try (StoreFixture stores = new StoreFixture(backend)) {
            List<Message<?>> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Message<String> message = MessageBuilder.withPayload("order-" + i).setHeader("customer", "ada")
                        .setHeader("count", i).setHeader("total", 2.5 * i).setHeader("rush", i % 2 == 0).build();
                sent.add(message);
                stores.channels.add("orders", message);
            }
            stores.channels.add("other", Message.of("elsewhere"));

            assertThat(stores.channels.size("orders")).isEqualTo(5);
            List<Message<?>> taken = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                taken.add(stores.channels.poll("orders"));
            }
            assertThat(taken).containsExactlyElementsOf(sent);
            assertThat(taken.get(3).getHeaders().getId()).isEqualTo(sent.get(3).getHeaders().getId());
            assertThat(taken.get(3).getHeaders().getTimestamp()).isEqualTo(sent.get(3).getHeaders().getTimestamp());
            assertThat(stores.channels.poll("orders")).isNull();
            assertThat(stores.channels.size("other")).isEqualTo(1);
            assertThat(stores.channels.clear("other")).isEqualTo(1);
            assertThat(stores.channels.poll("other")).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPriorityQueueTakesTheHighestPriorityFirstAndFifoAmongEquals(Backend backend) {
        try (StoreFixture stores = new StoreFixture(backend)) {
            stores.priorityChannels.add("q", MessageBuilder.withPayload("low").setPriority(1).build());
            stores.priorityChannels.add("q", Message.of("none-1"));
            stores.priorityChannels.add("q", MessageBuilder.withPayload("high-1").setPriority(9).build());
            stores.priorityChannels.add("q", MessageBuilder.withPayload("high-2").setPriority(9).build());
            stores.priorityChannels.add("q", Message.of("none-2"));

            List<Object> order = new ArrayList<>();
            Message<?> next;
            while ((next = stores.priorityChannels.poll("q")) != null) {
                order.add(next.getPayload());
            }
            assertThat(order).containsExactly("high-1", "high-2", "low", "none-1", "none-2");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentTakersGetEachMessageExactlyOnce(Backend backend) throws Exception {
        try (StoreFixture stores = new StoreFixture(backend)) {
            int count = 400;
            for (int i = 0; i < count; i++) {
                stores.channels.add("shared", Message.of(i));
            }
            Set<Object> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            ExecutorService takers = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(takers.submit(() -> {
                    start.await();
                    Message<?> message;
                    while ((message = stores.channels.poll("shared")) != null) {
                        if (!seen.add(message.getPayload())) {
                            duplicates.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> taker : done) {
                taker.get(2, TimeUnit.MINUTES);
            }
            takers.shutdown();
            assertThat(duplicates).hasValue(0);
            assertThat(seen).hasSize(count);
            assertThat(stores.channels.size("shared")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theMessageStoreKeepsMessagesById(Backend backend) {
        try (StoreFixture stores = new StoreFixture(backend)) {
            Message<String> message = MessageBuilder.withPayload("later").setHeader("delay", 500L).build();
            stores.messages.addMessage(message);
            stores.messages.addMessage(message); // again: nothing changes

            assertThat(stores.messages.getMessageCount()).isEqualTo(1);
            assertThat(stores.messages.getMessage(message.getHeaders().getId())).isEqualTo(message);
            assertThat(stores.messages.removeMessage(message.getHeaders().getId())).isEqualTo(message);
            assertThat(stores.messages.removeMessage(message.getHeaders().getId())).isNull();
            assertThat(stores.messages.getMessage(message.getHeaders().getId())).isNull();
            assertThat(stores.messages.getMessageCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void groupsKeepTheirMessagesInOrder(Backend backend) {
        try (StoreFixture stores = new StoreFixture(backend)) {
            Message<String> a = Message.of("a");
            Message<String> b = Message.of("b");
            Message<String> c = Message.of("c");
            stores.groups.addMessagesToGroup("g1", a, b);
            stores.groups.addMessagesToGroup("g1", c);
            stores.groups.addMessagesToGroup("g2", Message.of("x"));

            MessageGroup group = stores.groups.getMessageGroup("g1");
            assertThat(group.messages()).containsExactly(a, b, c);
            assertThat(group.complete()).isFalse();
            assertThat(group.createdMillis()).isPositive();
            stores.groups.removeMessagesFromGroup("g1", List.of(b));
            assertThat(stores.groups.messageGroupSize("g1")).isEqualTo(2);
            assertThat(stores.groups.pollMessageFromGroup("g1")).isEqualTo(a);
            stores.groups.completeGroup("g1");
            assertThat(stores.groups.getMessageGroup("g1").complete()).isTrue();
            assertThat(stores.groups.getMessageGroup("g1").messages()).containsExactly(c);
            assertThat(stores.groups.groupIds()).containsExactlyInAnyOrder("g1", "g2");
            stores.groups.removeMessageGroup("g1");
            assertThat(stores.groups.getMessageGroup("g1").size()).isZero();
            assertThat(stores.groups.groupIds()).containsExactly("g2");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aMessageOfAGroupIsClaimedByOneCallerOnly(Backend backend) throws Exception {
        try (StoreFixture stores = new StoreFixture(backend)) {
            Message<String> a = Message.of("a");
            Message<String> b = Message.of("b");
            stores.groups.addMessagesToGroup("claims", a, b);
            int claimers = 8;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(claimers);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
                for (int i = 0; i < claimers; i++) {
                    claims.add(pool.submit(() -> {
                        go.await();
                        return stores.groups.removeMessageFromGroup("claims", a.getHeaders().getId());
                    }));
                }
                go.countDown();
                int won = 0;
                for (java.util.concurrent.Future<Boolean> claim : claims) {
                    won += claim.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(stores.groups.getMessageGroup("claims").messages()).containsExactly(b);
            assertThat(stores.groups.removeMessageFromGroup("unknown", b.getHeaders().getId())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theMetadataStoreIsConditional(Backend backend) {
        try (StoreFixture stores = new StoreFixture(backend)) {
            assertThat(stores.metadata.putIfAbsent("k", "1")).isNull();
            assertThat(stores.metadata.putIfAbsent("k", "2")).isEqualTo("1");
            assertThat(stores.metadata.replace("k", "2", "3")).isFalse();
            assertThat(stores.metadata.replace("k", "1", "3")).isTrue();
            assertThat(stores.metadata.get("k")).isEqualTo("3");
            stores.metadata.put("k", "4");
            stores.metadata.put("other", "5");
            assertThat(stores.metadata.get("k")).isEqualTo("4");
            assertThat(stores.metadata.remove("k")).isEqualTo("4");
            assertThat(stores.metadata.remove("k")).isNull();
            assertThat(stores.metadata.get("k")).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ofManyThreadsPuttingOneKeyAtOnceExactlyOneWins(Backend backend) throws Exception {
        try (StoreFixture stores = new StoreFixture(backend)) {
            for (int round = 0; round < 20; round++) {
                String key = "key-" + round;
                ExecutorService racers = Executors.newFixedThreadPool(4);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    String value = "v" + t;
                    results.add(racers.submit(() -> {
                        start.await();
                        return stores.metadata.putIfAbsent(key, value);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<String> result : results) {
                    if (result.get(1, TimeUnit.MINUTES) == null) {
                        winners++;
                    }
                }
                racers.shutdown();
                assertThat(winners).as("winners of " + key).isEqualTo(1);
            }
        }
    }
}
