package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.annotation.Header;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessageRejectedException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.store.InMemoryMetadataStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The idempotent receiver in plain Java: duplicates marked, discarded or refused; what a failure does to the key;
 * concurrent receivers of one key; the configuration problems that fail the flow.
 */
class IdempotentReceiverTest {

    private final Junction junction = Junction.create();

    public record Order(String id, String drink) {
    }

    /** Records every order it handles, and whether it was marked a duplicate; "fail" drinks fail the first time. */
    public static final class Kitchen {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final List<Boolean> marks = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        public String prepare(Order order, @Header(value = MessageHeaders.DUPLICATE_MESSAGE, required = false)
                Boolean duplicate) {
            if (order.drink().equals("fail") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the machine is out of water");
            }
            handled.add(order.id());
            marks.add(duplicate != null && duplicate);
            return "served " + order.id();
        }
    }

    @AfterEach
    void close() {
        junction.close();
    }

    private static Message<Order> order(String id, String drink, PollableChannel replies) {
        return MessageBuilder.withPayload(new Order(id, drink)).setReplyChannel(replies).build();
    }

    @Test
    void aDuplicateIsHandledMarkedAndItsReplyCarriesTheMark() {
        Kitchen kitchen = new Kitchen();
        PollableChannel replies = MessageChannels.queue(10);
        junction.flow("orders").handle(kitchen, "prepare")
                .advice(Advices.idempotentReceiver().key("payload.id").build());
        junction.start();

        junction.channel("orders").send(order("1", "latte", replies));
        junction.channel("orders").send(order("1", "latte", replies));
        junction.channel("orders").send(order("2", "latte", replies));

        assertThat(kitchen.handled).containsExactly("1", "1", "2");
        assertThat(kitchen.marks).containsExactly(false, true, false);
        Message<?> first = replies.receive(Duration.ZERO);
        Message<?> second = replies.receive(Duration.ZERO);
        assertThat(first.getHeaders()).doesNotContainKey(MessageHeaders.DUPLICATE_MESSAGE);
        assertThat(second.getPayload()).isEqualTo("served 1");
        assertThat(second.getHeaders().get(MessageHeaders.DUPLICATE_MESSAGE)).isEqualTo(true);
    }

    @Test
    void aDiscardChannelTakesTheDuplicatesWhichAreNotHandled() {
        Kitchen kitchen = new Kitchen();
        PollableChannel replies = MessageChannels.queue(10);
        PollableChannel duplicates = junction.register(MessageChannels.queue("duplicateOrders", 10));
        junction.flow("orders").handle(kitchen, "prepare")
                .advice(Advices.idempotentReceiver().key("payload.id").discardChannel("duplicateOrders").build());
        junction.start();

        junction.channel("orders").send(order("1", "latte", replies));
        junction.channel("orders").send(order("1", "mocha", replies));

        assertThat(kitchen.handled).containsExactly("1");
        assertThat(((Order) duplicates.receive(Duration.ZERO).getPayload()).drink()).isEqualTo("mocha");
        assertThat(replies.receive(Duration.ZERO).getPayload()).isEqualTo("served 1");
        assertThat(replies.receive(Duration.ZERO)).as("no reply to the duplicate").isNull();
    }

    @Test
    void throwingOnRejectionRefusesTheDuplicateAfterDiscardingIt() {
        Kitchen kitchen = new Kitchen();
        PollableChannel duplicates = junction.register(MessageChannels.queue("duplicateOrders", 10));
        junction.flow("orders").handle(kitchen, "prepare").id("kitchen")
                .advice(Advices.idempotentReceiver().key("payload.id").value("payload.drink")
                        .discardChannel("duplicateOrders").throwExceptionOnRejection(true).build());
        junction.flow("plain").handle(kitchen, "prepare").id("plainKitchen")
                .advice(Advices.idempotentReceiver().key("payload.id").throwExceptionOnRejection(true).build());
        junction.start();
        PollableChannel replies = MessageChannels.queue(10);

        junction.channel("orders").send(order("1", "latte", replies));
        Message<Order> again = order("1", "mocha", replies);
        assertThatThrownBy(() -> junction.channel("orders").send(again))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("JNC-0944 The idempotent receiver of endpoint 'kitchen' rejected a duplicate"
                        + " message: its key '1' was received before (stored value 'latte')")
                .satisfies(rejected -> assertThat(((MessageRejectedException) rejected).getFailedMessage())
                        .isSameAs(again));
        assertThat(duplicates.receive(Duration.ZERO).getPayload()).isEqualTo(new Order("1", "mocha"));

        junction.channel("plain").send(order("7", "tea", replies));
        assertThatThrownBy(() -> junction.channel("plain").send(order("7", "tea", replies)))
                .hasMessageContaining("JNC-0944");
        assertThat(kitchen.handled).containsExactly("1", "7");
    }

    @Test
    void byDefaultAFailedHandlingKeepsItsKeySoTheMessageSentAgainIsADuplicate() {
        Kitchen kitchen = new Kitchen();
        kitchen.failuresLeft.set(1);
        InMemoryMetadataStore keys = new InMemoryMetadataStore();
        junction.flow("orders").handle(kitchen, "prepare")
                .advice(Advices.idempotentReceiver().key("payload.id").store(keys)
                        .throwExceptionOnRejection(true).build());
        junction.start();
        PollableChannel replies = MessageChannels.queue(10);

        assertThatThrownBy(() -> junction.channel("orders").send(order("1", "fail", replies)))
                .hasRootCauseMessage("the machine is out of water");
        assertThat(keys.get("1")).isNotNull();
        assertThatThrownBy(() -> junction.channel("orders").send(order("1", "fail", replies)))
                .hasMessageContaining("JNC-0944");
        assertThat(kitchen.handled).isEmpty();
    }

    @Test
    void removingTheKeyOnFailureLetsTheMessageSentAgainBeHandled() {
        Kitchen kitchen = new Kitchen();
        kitchen.failuresLeft.set(1);
        InMemoryMetadataStore keys = new InMemoryMetadataStore();
        junction.flow("orders").handle(kitchen, "prepare")
                .advice(Advices.idempotentReceiver().key("payload.id").store(keys)
                        .throwExceptionOnRejection(true).removeKeyOnFailure(true).build());
        junction.start();
        PollableChannel replies = MessageChannels.queue(10);

        assertThatThrownBy(() -> junction.channel("orders").send(order("1", "fail", replies)))
                .hasRootCauseMessage("the machine is out of water");
        assertThat(keys.get("1")).as("removed after the failure").isNull();
        junction.channel("orders").send(order("1", "fail", replies));
        assertThat(kitchen.handled).containsExactly("1");
        assertThatThrownBy(() -> junction.channel("orders").send(order("1", "fail", replies)))
                .as("a success keeps the key").hasMessageContaining("JNC-0944");
    }

    @Test
    void insideTheReceiverARetryIsNoDuplicate() {
        Kitchen kitchen = new Kitchen();
        kitchen.failuresLeft.set(2);
        junction.flow("orders").handle(kitchen, "prepare")
                .advice(Advices.idempotentReceiver().key("payload.id").throwExceptionOnRejection(true).build(),
                        Advices.retry().maxAttempts(3).build());
        junction.start();

        junction.channel("orders").send(order("1", "fail", MessageChannels.queue(10)));
        assertThat(kitchen.handled).containsExactly("1");
    }

    @Test
    void aKeyStrategyAValueStrategyAFilterAndAnOutboundAdapter() {
        List<Message<?>> sent = new CopyOnWriteArrayList<>();
        InMemoryMetadataStore keys = new InMemoryMetadataStore();
        HandlerAdvice once = Advices.idempotentReceiver()
                .keyStrategy(message -> "order-" + ((Order) message.getPayload()).id())
                .valueStrategy(message -> ((Order) message.getPayload()).drink())
                .store(keys).build();
        junction.flow("orders").filter("!headers['duplicateMessage']").advice(once).channel("fresh");
        MessageHandler recorder = sent::add;
        junction.flow("fresh").handle(recorder);
        junction.flow("audit").handle(recorder).advice(once); // one advice, one store: the keys are shared
        junction.start();

        junction.channel("orders").send(Message.of(new Order("1", "latte")));
        junction.channel("orders").send(Message.of(new Order("1", "mocha")));
        junction.channel("audit").send(Message.of(new Order("1", "tea")));
        junction.channel("audit").send(Message.of(new Order("2", "tea")));

        assertThat(sent).extracting(message -> ((Order) message.getPayload()).drink())
                .containsExactly("latte", "tea", "tea");
        assertThat(sent.get(1).getHeaders().get(MessageHeaders.DUPLICATE_MESSAGE)).isEqualTo(true);
        assertThat(sent.get(2).getHeaders()).doesNotContainKey(MessageHeaders.DUPLICATE_MESSAGE);
        assertThat(keys.get("order-1")).isEqualTo("latte");
        assertThat(keys.get("order-2")).isEqualTo("tea");
    }

    @Test
    void aMessageWithoutAKeyFails() {
        junction.flow("orders").handle((Order order) -> order).id("kitchen")
                .advice(Advices.idempotentReceiver().key("headers['orderId']").build());
        junction.start();

        assertThatThrownBy(() -> junction.channel("orders").send(Message.of(new Order("1", "latte"))))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("JNC-0945 The idempotent receiver of endpoint 'kitchen' computed no key (null)");
    }

    @Test
    void ofManyThreadsReceivingOneKeyAtOnceExactlyOneHandlesIt() throws Exception {
        int threads = 4;
        int keys = 200;
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        junction.flow("orders").handle((Order order) -> {
            handled.computeIfAbsent(order.id(), id -> new AtomicInteger()).incrementAndGet();
            return null;
        }).advice(Advices.idempotentReceiver().key("payload.id").discardChannel("duplicates").build());
        junction.flow("duplicates").handle((Order order) -> {
            duplicates.incrementAndGet();
            return null;
        });
        junction.start();

        runAtOnce(threads, keys, (thread, key) -> junction.channel("orders").send(Message.of(new Order(key, "t"
                + thread))));

        assertThat(handled).hasSize(keys);
        assertThat(handled.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(duplicates).hasValue(keys * (threads - 1));
    }

    /** What each thread does with each key. */
    interface Receipt {
        void receive(int thread, String key) throws Exception;
    }

    /** Runs every thread over every key, all threads meeting at a barrier before each key. */
    static void runAtOnce(int threads, int keys, Receipt receipt) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int k = 0; k < keys; k++) {
                        barrier.await(1, TimeUnit.MINUTES);
                        receipt.receive(thread, "key-" + k);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyMisconfigurationFailsTheFlowNamingTheEndpoint() {
        junction.flow("noKey").handle("payload").id("noKey")
                .advice(Advices.idempotentReceiver().build());
        junction.flow("twoKeys").handle("payload").id("twoKeys")
                .advice(Advices.idempotentReceiver().key("payload").keyStrategy(message -> "k").build());
        junction.flow("twoValues").handle("payload").id("twoValues")
                .advice(Advices.idempotentReceiver().key("payload").value("payload").valueStrategy(m -> "v").build());
        junction.flow("badKey").handle("payload").id("badKey")
                .advice(Advices.idempotentReceiver().key("payload +").build());
        junction.flow("noDiscard").handle("payload").id("noDiscard")
                .advice(Advices.idempotentReceiver().key("payload").discardChannel("nowhere").build());

        assertThatThrownBy(junction::start).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JNC-0940 The idempotent receiver of endpoint 'noKey' has no key: give a key"
                        + " expression")
                .hasMessageContaining("JNC-0941 The idempotent receiver of endpoint 'twoKeys' has both a key"
                        + " expression ('payload') and a key strategy; keep one of them")
                .hasMessageContaining("JNC-0941 The idempotent receiver of endpoint 'twoValues' has both a value"
                        + " expression")
                .hasMessageContaining("JNC-0942 The key expression of the idempotent receiver of endpoint 'badKey'"
                        + " is not a valid expression")
                .hasMessageContaining("JNC-0943 The idempotent receiver of endpoint 'noDiscard' names the discard"
                        + " channel 'nowhere', which is not declared");
    }
}
