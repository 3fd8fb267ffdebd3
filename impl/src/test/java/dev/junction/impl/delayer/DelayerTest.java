package dev.junction.impl.delayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.delayer.DelayerSpec;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import dev.junction.api.store.MessageGroupStore;
import dev.junction.impl.controlbus.ControlBus;
import dev.junction.impl.store.InMemoryMessageGroupStore;
import dev.junction.impl.testing.LogRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delayer with its default, in-memory store: delays, release times, failures, management and misconfiguration. */
class DelayerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration LONG = Duration.ofHours(1);

    private final Junction junction = Junction.create();
    private final List<Message<?>> released = new CopyOnWriteArrayList<>();
    private final List<String> releaseThreads = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        junction.close();
    }

    private MessageHandler recorder() {
        return message -> {
            releaseThreads.add(Thread.currentThread().getName());
            released.add(message);
        };
    }

    private DelayHandler handler(String delayerId) {
        return (DelayHandler) ((dev.junction.impl.endpoint.ConsumerEndpoint) junction.endpoint(delayerId)
                .orElseThrow()).getHandler();
    }

    @Test
    void aMessageWaitsTheDefaultDelayThenGoesOnUnchanged() {
        junction.flow("orders").delay(Duration.ofMillis(200)).id("cooling").handle(recorder());
        junction.start();
        Message<String> order = MessageBuilder.withPayload("latte").setHeader("table", 4).build();
        Instant sent = Instant.now();

        junction.channel("orders").send(order);

        await().atMost(WAIT).until(() -> released.size() == 1);
        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        Message<?> out = released.get(0);
        assertThat(out).isEqualTo(order);
        assertThat(out.getHeaders().getId()).isEqualTo(order.getHeaders().getId());
        assertThat(out.getHeaders()).doesNotContainKey(DelayHandler.RELEASE_AT_HEADER).containsEntry("table", 4);
        assertThat(releaseThreads.get(0)).isNotEqualTo(Thread.currentThread().getName());
        assertThat(handler("cooling").getDelayedMessageCount()).isZero();
    }

    @Test
    void theExpressionGivesMillisecondsOrATimeToReleaseAt() {
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(LONG).delayExpression("headers['delay']"))
                .id("cooling").handle(recorder());
        junction.start();
        Instant soon = Instant.now().plusMillis(300);
        List<Object> values = List.of(150, "150", Date.from(soon), soon, soon.toString(), Duration.ofMillis(150));

        for (Object value : values) {
            junction.channel("orders").send(MessageBuilder.withPayload(value.getClass().getSimpleName())
                    .setHeader("delay", value).build());
        }
        junction.channel("orders").send(Message.of("no header: the default delay"));

        await().atMost(WAIT).until(() -> released.size() == values.size());
        assertThat(Instant.now()).isAfterOrEqualTo(soon);
        assertThat(released.stream().map(message -> (Object) message.getPayload()).toList()).containsExactlyInAnyOrder("Integer", "String", "Date",
                "Instant", "String", "Duration");
        assertThat(handler("cooling").getDelayedMessageCount()).isEqualTo(1);
    }

    @Test
    void aDelayOfZeroOrLessOrATimePassedGoesOnAtOnceOnTheCallersThread() {
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(LONG).delayExpression("headers['delay']"))
                .id("cooling").handle(recorder());
        junction.start();

        junction.channel("orders").send(MessageBuilder.withPayload("zero").setHeader("delay", 0).build());
        junction.channel("orders").send(MessageBuilder.withPayload("negative").setHeader("delay", -5).build());
        junction.channel("orders").send(MessageBuilder.withPayload("past")
                .setHeader("delay", Instant.now().minusSeconds(60)).build());

        assertThat(released.stream().map(message -> (Object) message.getPayload()).toList()).containsExactly("zero", "negative", "past");
        assertThat(releaseThreads).containsOnly(Thread.currentThread().getName());
        assertThat(handler("cooling").getDelayedMessageCount()).isZero();
    }

    @Test
    void anExpressionFailureFallsBackToTheDefaultDelayAndIsLogged() {
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(LONG).delayExpression("headers['delay']"))
                .id("cooling").handle(recorder());
        junction.start();

        try (LogRecorder log = LogRecorder.silencing(DelayHandler.class)) {
            junction.channel("orders").send(MessageBuilder.withPayload("x").setHeader("delay", "tomorrow").build());

            assertThat(log.at(Level.WARNING)).extracting(LogRecord::getMessage).singleElement()
                    .satisfies(text -> assertThat(text).startsWith("JNC-0925 Delayer 'cooling'")
                            .contains("'tomorrow'", "default delay PT1H applies"));
        }
        assertThat(handler("cooling").getDelayedMessageCount()).isEqualTo(1);
        assertThat(released).isEmpty();
    }

    @Test
    void anExpressionFailureGoesToTheCallerWhenNotIgnored() {
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(LONG).delayExpression("headers['delay']")
                .ignoreExpressionFailures(false)).id("cooling").handle(recorder());
        junction.start();
        Message<String> order = MessageBuilder.withPayload("x").setHeader("delay", List.of(1)).build();

        assertThatThrownBy(() -> junction.channel("orders").send(order))
                .isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("JNC-0925 Delayer 'cooling' could not compute the delay")
                .hasMessageContaining("ignoreExpressionFailures(true)")
                .satisfies(failure -> assertThat(((MessageHandlingException) failure).getFailedMessage())
                        .isEqualTo(order));
        assertThat(handler("cooling").getDelayedMessageCount()).isZero();
    }

    @Test
    void aFailedReleaseIsTriedAgainAfterAGrowingPause() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> storedDuringFailures = new CopyOnWriteArrayList<>();
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(10))
                        .retryBackOff(Duration.ofMillis(20), Duration.ofMillis(40)))
                .id("cooling").handle((MessageHandler) message -> {
                    storedDuringFailures.add(handler("cooling").getDelayedMessageCount());
                    if (attempts.incrementAndGet() < 4) {
                        throw new IllegalStateException("kitchen closed");
                    }
                    released.add(message);
                });
        junction.start();

        try (LogRecorder log = LogRecorder.silencing(DelayHandler.class)) {
            junction.channel("orders").send(Message.of("soup"));
            await().atMost(WAIT).until(() -> released.size() == 1);

            assertThat(log.at(Level.WARNING)).extracting(LogRecord::getMessage).satisfiesExactly(
                    text -> assertThat(text).startsWith("JNC-0926 Delayer 'cooling'").is(retry(1, "PT0.02S")),
                    text -> assertThat(text).is(retry(2, "PT0.04S")),
                    text -> assertThat(text).is(retry(3, "PT0.04S")));
        }
        assertThat(attempts).hasValue(4);
        assertThat(storedDuringFailures).containsOnly(0); // claimed while it is being released...
        assertThat(handler("cooling").getDelayedMessageCount()).isZero(); // ...and gone once released
    }

    /** What the warning of one failed attempt says: which failure, its cause, the pause before the next one. */
    private static org.assertj.core.api.Condition<String> retry(int failure, String pause) {
        return new org.assertj.core.api.Condition<>(text -> text.contains("(failure " + failure + "): ")
                && text.contains("IllegalStateException: kitchen closed")
                && text.endsWith("; it is tried again in " + pause), "failure " + failure + ", pause " + pause);
    }

    @Test
    void aFailedReleaseIsPutBackIntoTheStoreBetweenAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(10))
                        .retryBackOff(Duration.ofHours(1), Duration.ofHours(1)))
                .id("cooling").handle((MessageHandler) message -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("kitchen closed");
                });
        junction.start();

        try (LogRecorder log = LogRecorder.silencing(DelayHandler.class)) {
            junction.channel("orders").send(Message.of("soup"));
            await().atMost(WAIT).until(() -> log.at(Level.WARNING).size() == 1);
        }
        assertThat(attempts).hasValue(1);
        assertThat(handler("cooling").getDelayedMessageCount()).isEqualTo(1); // waits an hour for its next attempt
    }

    @Test
    void aStoreFailingWhenAMessageIsClaimedIsAskedAgainLater() {
        AtomicInteger claims = new AtomicInteger();
        MessageGroupStore flaky = new FlakyStore(new InMemoryMessageGroupStore(), claims);
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(10)).messageStore(flaky)
                        .retryBackOff(Duration.ofMillis(10), Duration.ofMillis(10)))
                .id("cooling").handle(recorder());
        junction.start();

        try (LogRecorder log = LogRecorder.silencing(DelayHandler.class)) {
            junction.channel("orders").send(Message.of("soup"));
            await().atMost(WAIT).until(() -> released.size() == 1);
            assertThat(log.at(Level.WARNING)).extracting(LogRecord::getMessage).singleElement()
                    .satisfies(text -> assertThat(text).contains("(failure 1)", "the database is down"));
        }
        assertThat(claims).hasValue(2);
        assertThat(flaky.messageGroupSize("cooling")).isZero();
    }

    /** A store whose first claim fails, as a database that does not answer. */
    private record FlakyStore(MessageGroupStore store, AtomicInteger claims) implements MessageGroupStore {
        @Override
        public boolean removeMessageFromGroup(Object groupId, java.util.UUID messageId) {
            if (claims.incrementAndGet() == 1) {
                throw new dev.junction.api.store.MessageStoreException(null, "JNC-0906 the database is down", null);
            }
            return store.removeMessageFromGroup(groupId, messageId);
        }

        @Override
        public void addMessagesToGroup(Object groupId, Message<?>... messages) {
            store.addMessagesToGroup(groupId, messages);
        }

        @Override
        public dev.junction.api.store.MessageGroup getMessageGroup(Object groupId) {
            return store.getMessageGroup(groupId);
        }

        @Override
        public void removeMessagesFromGroup(Object groupId, java.util.Collection<? extends Message<?>> messages) {
            store.removeMessagesFromGroup(groupId, messages);
        }

        @Override
        public Message<?> pollMessageFromGroup(Object groupId) {
            return store.pollMessageFromGroup(groupId);
        }

        @Override
        public void completeGroup(Object groupId) {
            store.completeGroup(groupId);
        }

        @Override
        public void removeMessageGroup(Object groupId) {
            store.removeMessageGroup(groupId);
        }

        @Override
        public int messageGroupSize(Object groupId) {
            return store.messageGroupSize(groupId);
        }

        @Override
        public java.util.Collection<Object> groupIds() {
            return store.groupIds();
        }
    }

    @Test
    void aFailedReleaseGoesToTheErrorChannelWhenThereIsOne() {
        PollableChannel failures = junction.register(MessageChannels.queue("delayFailures", 10));
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(10))
                        .errorChannel("delayFailures"))
                .id("cooling").handle((MessageHandler) message -> {
                    throw new IllegalStateException("kitchen closed");
                });
        junction.start();
        Message<String> order = Message.of("soup");

        junction.channel("orders").send(order);

        Message<?> error = failures.receive(WAIT);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat(((ErrorMessage) error).getOriginalMessage()).contains(order);
        assertThat((Throwable) error.getPayload()).isInstanceOf(MessageDeliveryException.class)
                .hasMessageStartingWith("JNC-0926 Delayer 'cooling' could not release message "
                        + order.getHeaders().getId())
                .hasRootCauseMessage("kitchen closed");
        assertThat(((MessageDeliveryException) error.getPayload()).getFailedMessage()).isEqualTo(order);
        assertThat(handler("cooling").getDelayedMessageCount()).isZero();
        assertThat(failures.receive(Duration.ZERO)).isNull();
    }

    @Test
    void atTheEndOfAFlowTheMessageGoesToItsReplyChannel() {
        PollableChannel replies = junction.register(MessageChannels.queue("replies", 10));
        junction.flow("orders").delay(Duration.ofMillis(50)).id("cooling");
        junction.start();

        junction.channel("orders").send(MessageBuilder.withPayload("tea").setReplyChannel("replies").build());

        assertThat(replies.receive(WAIT).getPayload()).isEqualTo("tea");
    }

    @Test
    void releasesRunOnTheSchedulerGiven() {
        ProbingScheduler<Boolean> executor = new ProbingScheduler<>(() -> true);
        try {
            junction.flow("orders").delay(DelayerSpec.withDefaultDelay(Duration.ofMillis(20)).scheduler(executor))
                    .id("cooling").handle(recorder());
            junction.start();

            junction.channel("orders").send(Message.of("tea"));

            await().atMost(WAIT).until(() -> released.size() == 1);
            assertThat(releaseThreads.get(0)).startsWith("probing-scheduler-");
            assertThat(executor.observed()).hasSize(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void stoppingTheReleasesKeepsTheMessagesAndStartingThemReschedulesThem() {
        junction.flow("orders").delay(Duration.ofMillis(100)).id("cooling").handle(recorder());
        junction.start();
        junction.endpoint("cooling.releases").orElseThrow().stop();

        junction.channel("orders").send(Message.of("tea"));
        assertThat(handler("cooling").getDelayedMessageCount()).isEqualTo(1);
        assertThatThrownBy(() -> handler("cooling").reschedulePersistedMessages())
                .hasMessageStartingWith("JNC-0928 Delayer 'cooling' does not release messages now");

        junction.endpoint("cooling.releases").orElseThrow().start();
        await().atMost(WAIT).until(() -> released.size() == 1);
        assertThat(handler("cooling").getDelayedMessageCount()).isZero();
    }

    @Test
    void theControlBusCountsAndReschedulesTheDelayedMessages() {
        InMemoryMessageGroupStore store = new InMemoryMessageGroupStore();
        PollableChannel busReplies = junction.register(MessageChannels.queue("busReplies", 10));
        junction.flow("orders").delay(DelayerSpec.withDefaultDelay(LONG).messageStore(store)).id("cooling")
                .handle(recorder());
        junction.flow("controlBus").handle(ControlBus.builder(junction).build()).channel("busReplies");
        junction.start();
        junction.channel("orders").send(Message.of("tea"));
        junction.channel("orders").send(Message.of("coffee"));

        junction.channel("controlBus").send(Message.of("@cooling.handler.getDelayedMessageCount()"));
        assertThat(busReplies.receive(WAIT).getPayload()).isEqualTo(2);

        // a message another runtime put into the shared store, due already
        Message<String> foreign = MessageBuilder.withPayload("juice").setHeader(DelayHandler.RELEASE_AT_HEADER,
                Instant.now().minusSeconds(1).toEpochMilli()).build();
        store.addMessagesToGroup("cooling", foreign);
        junction.channel("controlBus").send(Message.of("@cooling.handler.reschedulePersistedMessages()"));
        assertThat(busReplies.receive(WAIT).getPayload()).isEqualTo(1); // the two of this runtime were scheduled
        await().atMost(WAIT).until(() -> released.size() == 1);
        assertThat(released.get(0).getPayload()).isEqualTo("juice");
        assertThat(released.get(0).getHeaders()).doesNotContainKey(DelayHandler.RELEASE_AT_HEADER);

        assertThatThrownBy(() -> junction.channel("controlBus").send(Message.of("@cooling.handler.handleMessage(1)")))
                .hasMessageStartingWith("JNC-1062");
    }

    @Test
    void aDelayStepTakesNoAdvice() {
        assertThatThrownBy(() -> junction.flow("orders").delay(Duration.ofSeconds(1)).id("cooling")
                .advice(dev.junction.api.advice.Advices.retry().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("JNC-0929 Flow 'orders': a delay step cannot be advised");
    }

    @Test
    void misconfigurationsFailTheBuildTogetherNamingTheDelayerAndTheFix() {
        junction.flow("a").delay(Duration.ofSeconds(-1)).id("negative").handle(recorder());
        junction.flow("b").delay(DelayerSpec.withDefaultDelay(LONG).delayExpression("headers['delay'")).id("badEl")
                .handle(recorder());
        junction.flow("c").delay(DelayerSpec.withDefaultDelay(LONG).retryBackOff(Duration.ZERO, Duration.ZERO))
                .id("badBackOff").handle(recorder());
        junction.flow("d").delay(DelayerSpec.withDefaultDelay(LONG).messageStore(new InMemoryMessageGroupStore()))
                .handle(recorder());
        junction.flow("e").delay(DelayerSpec.withDefaultDelay(LONG).errorChannel("nowhere")).id("lost")
                .handle(recorder());

        assertThatThrownBy(junction::start).isInstanceOfSatisfying(ConfigurationException.class, invalid ->
                assertThat(invalid.getProblems()).satisfiesExactly(
                        problem -> assertThat(problem).startsWith("JNC-0920 Delayer 'negative': the default delay"
                                + " PT-1S is negative; give zero").endsWith("(flow 'a', step 1 (delay, endpoint"
                                + " 'negative'))"),
                        problem -> assertThat(problem).startsWith("JNC-0921 Delayer 'badEl': the delay expression"
                                + " 'headers['delay'' is not valid"),
                        problem -> assertThat(problem).startsWith("JNC-0922 Delayer 'badBackOff': retryBackOff(PT0S,"
                                + " PT0S) is invalid"),
                        problem -> assertThat(problem).startsWith("JNC-0923 Delayer 'd.delay#1'")
                                .contains("name it with id(\"...\")"),
                        problem -> assertThat(problem).startsWith("JNC-0924 Delayer 'lost': the error channel"
                                + " 'nowhere' is not declared")));
    }
}
