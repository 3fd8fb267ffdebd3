package dev.junction.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.handler.Ordered;
import dev.junction.api.message.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DirectChannelTest {

    @Test
    void handlerRunsInTheSendersThreadBeforeSendReturns() {
        DirectChannel channel = new DirectChannel("direct");
        List<Thread> threads = new ArrayList<>();
        channel.subscribe(message -> threads.add(Thread.currentThread()));

        assertThat(channel.send(Message.of("x"))).isTrue();
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void sendingWithoutSubscribersFailsNamingTheChannel() {
        DirectChannel channel = new DirectChannel("orders");
        Message<String> message = Message.of("x");

        assertThatThrownBy(() -> channel.send(message))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("'orders'").hasMessageContaining("no subscribers")
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void roundRobinIsTheDefault() {
        DirectChannel channel = new DirectChannel("rr");
        List<String> calls = new ArrayList<>();
        channel.subscribe(m -> calls.add("a"));
        channel.subscribe(m -> calls.add("b"));
        channel.subscribe(m -> calls.add("c"));

        for (int i = 0; i < 6; i++) {
            channel.send(Message.of(i));
        }
        assertThat(calls).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void withoutLoadBalancingTheFirstHandlerAlwaysGetsTheMessage() {
        DirectChannel channel = DirectChannel.builder().name("none").loadBalancing(LoadBalancing.NONE).build();
        List<String> calls = new ArrayList<>();
        channel.subscribe(m -> calls.add("a"));
        channel.subscribe(m -> calls.add("b"));

        channel.send(Message.of(1));
        channel.send(Message.of(2));
        assertThat(calls).containsExactly("a", "a");
    }

    @Test
    void aCustomStrategyChoosesTheFirstHandler() {
        DirectChannel channel = DirectChannel.builder().name("custom")
                .loadBalancer((message, handlers) -> (Integer) message.getPayload() % handlers.size()).build();
        List<String> calls = new ArrayList<>();
        channel.subscribe(m -> calls.add("a"));
        channel.subscribe(m -> calls.add("b"));

        channel.send(Message.of(1));
        channel.send(Message.of(3));
        channel.send(Message.of(2));
        assertThat(calls).containsExactly("b", "b", "a");
    }

    @Test
    void failoverPassesTheMessageToTheNextHandlerInOrder() {
        DirectChannel channel = DirectChannel.builder().name("failover").loadBalancing(LoadBalancing.NONE).build();
        List<String> calls = new ArrayList<>();
        channel.subscribe(m -> {
            calls.add("primary");
            throw new IllegalStateException("primary down");
        });
        channel.subscribe(m -> calls.add("secondary"));

        assertThat(channel.send(Message.of("x"))).isTrue();
        assertThat(calls).containsExactly("primary", "secondary");
    }

    @Test
    void failoverFollowsTheHandlersOrderBeforeSubscriptionOrder() {
        DirectChannel channel = DirectChannel.builder().name("ordered").loadBalancing(LoadBalancing.NONE).build();
        List<String> calls = new ArrayList<>();
        channel.subscribe(m -> calls.add("unordered"));
        channel.subscribe(new OrderedHandler(2, calls, true));
        channel.subscribe(new OrderedHandler(1, calls, true));

        channel.send(Message.of("x"));
        assertThat(calls).containsExactly("order-1", "order-2", "unordered");
    }

    @Test
    void withoutFailoverTheFirstFailureReachesTheSender() {
        DirectChannel channel = DirectChannel.builder().name("failfast").failover(false).loadBalancing(LoadBalancing.NONE).build();
        List<String> calls = new ArrayList<>();
        channel.subscribe(m -> {
            calls.add("a");
            throw new IllegalStateException("a down");
        });
        channel.subscribe(m -> calls.add("b"));
        Message<String> message = Message.of("x");

        assertThatThrownBy(() -> channel.send(message))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("'failfast'")
                .hasRootCauseMessage("a down")
                .satisfies(e -> assertThat(((MessagingException) e).getFailedMessage()).isSameAs(message));
        assertThat(calls).containsExactly("a");
    }

    @Test
    void whenEveryHandlerFailsAllFailuresAreReported() {
        DirectChannel channel = new DirectChannel("allfail");
        channel.subscribe(m -> {
            throw new IllegalStateException("first");
        });
        channel.subscribe(m -> {
            throw new IllegalArgumentException("second");
        });

        assertThatThrownBy(() -> channel.send(Message.of("x")))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("All 2 handlers")
                .satisfies(e -> {
                    assertThat(e.getCause()).isNotNull();
                    assertThat(e.getCause().getSuppressed()).hasSize(1);
                });
    }

    @Test
    void aSingleFailingHandlerFailureIsNotWrappedTwice() {
        DirectChannel channel = new DirectChannel("single");
        MessagingException own = new MessagingException(Message.of("inner"), "own failure");
        channel.subscribe(m -> {
            throw own;
        });
        assertThatThrownBy(() -> channel.send(Message.of("x"))).isSameAs(own);
    }

    @Test
    void subscribeAndUnsubscribeReportWhetherSomethingChanged() {
        DirectChannel channel = new DirectChannel("subs");
        MessageHandler handler = m -> { };
        assertThat(channel.subscribe(handler)).isTrue();
        assertThat(channel.subscribe(handler)).isFalse();
        assertThat(channel.getSubscriberCount()).isEqualTo(1);
        assertThat(channel.unsubscribe(handler)).isTrue();
        assertThat(channel.unsubscribe(handler)).isFalse();
        assertThat(channel.getSubscriberCount()).isZero();
    }

    @Test
    void theSendTimeoutDoesNotApplyToADirectChannel() {
        DirectChannel channel = new DirectChannel("timeout");
        AtomicInteger handled = new AtomicInteger();
        channel.subscribe(m -> handled.incrementAndGet());
        assertThat(channel.send(Message.of("x"), Duration.ZERO)).isTrue();
        assertThat(handled).hasValue(1);
    }

    @Test
    void unnamedChannelsGetADistinctGeneratedName() {
        assertThat(DirectChannel.builder().build().getName()).startsWith("DirectChannel#");
        assertThat(DirectChannel.builder().build().getName()).isNotEqualTo(DirectChannel.builder().build().getName());
    }

    @Test
    void loadIsSpreadEvenlyAndFailoverLosesNothingUnderConcurrentSenders() throws Exception {
        DirectChannel channel = new DirectChannel("concurrent");
        ConcurrentHashMap<String, AtomicInteger> handledBy = new ConcurrentHashMap<>();
        List<Object> handled = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger flakyCalls = new AtomicInteger();
        channel.subscribe(m -> {
            handledBy.computeIfAbsent("a", k -> new AtomicInteger()).incrementAndGet();
            handled.add(m.getPayload());
        });
        channel.subscribe(m -> {
            if (flakyCalls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("every other call fails");
            }
            handledBy.computeIfAbsent("b", k -> new AtomicInteger()).incrementAndGet();
            handled.add(m.getPayload());
        });
        channel.subscribe(m -> {
            handledBy.computeIfAbsent("c", k -> new AtomicInteger()).incrementAndGet();
            handled.add(m.getPayload());
        });

        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            senders.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    assertThat(channel.send(Message.of(base + i))).isTrue();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> sender : senders) {
            sender.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(handled).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(handledBy.keySet()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(handledBy.get("a").get()).isGreaterThan(threads * perThread / 5);
    }

    @Test
    void subscribersMayChangeWhileMessagesFlow() throws Exception {
        DirectChannel channel = new DirectChannel("dynamic");
        List<Object> handled = new CopyOnWriteArrayList<>();
        MessageHandler permanent = m -> handled.add(m.getPayload());
        channel.subscribe(permanent);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> churn = pool.submit(() -> {
            for (int i = 0; i < 2_000; i++) {
                MessageHandler extra = m -> handled.add(m.getPayload());
                channel.subscribe(extra);
                channel.unsubscribe(extra);
            }
        });
        for (int i = 0; i < 20_000; i++) {
            channel.send(Message.of(i));
        }
        churn.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(handled).hasSize(20_000);
    }

    private record OrderedHandler(int order, List<String> calls, boolean fail) implements MessageHandler, Ordered {
        @Override
        public void handleMessage(Message<?> message) {
            calls.add("order-" + order);
            if (fail) {
                throw new IllegalStateException("order " + order + " fails");
            }
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
