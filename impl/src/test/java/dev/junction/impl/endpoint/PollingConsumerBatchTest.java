package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A polling consumer on a queue channel takes the messages already waiting several at a time: each still handled
 * in its order, within the poll's limits and advices; a failure, a stop or a restart loses none of them; a bounded
 * channel keeps its capacity.
 */
class PollingConsumerBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final PollCounter polls = new PollCounter();
    private final List<Object> handled = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstInHandler = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        releaseFirst.countDown();
        endpoints.stopAll();
        scheduler.close();
    }

    private static void sendPayloads(PollableChannel channel, int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(channel.send(Message.of(i), Duration.ZERO)).isTrue();
        }
    }

    private static List<Object> range(int from, int to) {
        List<Object> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(i);
        }
        return values;
    }

    /** Records each payload; the handling of payload 0 waits until the test releases it. */
    private MessageHandler recordingAndHoldingTheFirst() {
        return message -> {
            if (message.getPayload().equals(0)) {
                firstInHandler.countDown();
                awaitRelease();
            }
            handled.add(message.getPayload());
        };
    }

    private void awaitRelease() {
        try {
            assertThat(releaseFirst.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitFirstInHandler() throws InterruptedException {
        assertThat(firstInHandler.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void onePollTakesTheWaitingMessagesSeveralAtATimeAndHandlesEachInOrder() throws Exception {
        QueueChannel input = new QueueChannel("input");
        sendPayloads(input, 0, 150);
        List<Integer> pollOfEachMessage = new CopyOnWriteArrayList<>();
        MessageHandler holding = recordingAndHoldingTheFirst();
        endpoints.consumer("consumer", input, message -> {
            pollOfEachMessage.add(polls.current());
            holding.handleMessage(message);
        }, PollerSpec.fixedDelay(ONE_HOUR).initialDelay(Duration.ZERO).receiveTimeout(Duration.ZERO).advice(polls)
                .build(), true);
        endpoints.startAll();

        awaitFirstInHandler();
        assertThat(input.getQueueSize()).as("one wake-up took a batch of 64").isEqualTo(150 - 64);
        releaseFirst.countDown();

        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(handled).containsExactlyElementsOf(range(0, 150));
        assertThat(pollOfEachMessage).as("all in the one poll: maxMessagesPerPoll is unbounded").hasSize(150)
                .containsOnly(1);
    }

    @Test
    void maxMessagesPerPollBoundsTheBatch() {
        QueueChannel input = new QueueChannel("input");
        sendPayloads(input, 0, 10);
        PollingConsumer consumer = (PollingConsumer) endpoints.consumer("consumer", input, recordingAndHoldingTheFirst(),
                PollerSpec.fixedDelay(ONE_HOUR).maxMessagesPerPoll(3).receiveTimeout(Duration.ZERO).advice(polls)
                        .build(), false);
        releaseFirst.countDown();

        consumer.start();

        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(handled).containsExactly(0, 1, 2);
        assertThat(input.getQueueSize()).isEqualTo(7);
    }

    /**
     * A poll is one unit: an advice around it (a transaction) sees the failure of the message that failed, and the
     * messages of the batch after it are handled by the next poll, in their order, none lost.
     */
    @Test
    void aFailureInTheMiddleOfABatchLeavesTheRestToTheNextPollInTheirOrder() {
        QueueChannel input = new QueueChannel("input");
        QueueChannel errors = new QueueChannel("errors");
        sendPayloads(input, 0, 20);
        Map<Object, Integer> pollOfMessage = new ConcurrentHashMap<>();
        List<Object> failedPolls = new CopyOnWriteArrayList<>();
        endpoints.consumer("consumer", input, message -> {
            pollOfMessage.put(message.getPayload(), polls.current());
            if (message.getPayload().equals(5)) {
                throw new IllegalStateException("boom");
            }
            handled.add(message.getPayload());
        }, PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ZERO).errorChannel(errors)
                .advice(polls, poll -> {
                    try {
                        return poll.proceed();
                    } catch (Exception failure) {
                        failedPolls.add(polls.current()); // a transaction advice would roll back here
                        throw failure;
                    }
                }).build(), true);
        endpoints.startAll();

        await().atMost(WAIT).until(() -> handled.size() == 19);
        List<Object> expected = range(0, 20);
        expected.remove((Object) 5);
        assertThat(handled).containsExactlyElementsOf(expected);
        Message<?> error = errors.receive(Duration.ZERO);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat(((ErrorMessage) error).getPayload()).isInstanceOf(MessageHandlingException.class);
        assertThat(((MessageHandlingException) ((ErrorMessage) error).getPayload()).getFailedMessage().getPayload())
                .isEqualTo(5);
        int failedPoll = pollOfMessage.get(5);
        assertThat(failedPolls).containsExactly(failedPoll);
        assertThat(range(0, 6)).allMatch(payload -> pollOfMessage.get(payload) == failedPoll);
        assertThat(range(6, 20)).allMatch(payload -> pollOfMessage.get(payload) > failedPoll);
        assertThat(input.getQueueSize()).isZero();
    }

    @Test
    void stopPutsTheMessagesTakenButNotYetHandledBackAtTheHeadOfTheChannel() throws Exception {
        QueueChannel input = new QueueChannel("input");
        sendPayloads(input, 0, 100);
        ConsumerEndpoint consumer = endpoints.consumer("consumer", input, recordingAndHoldingTheFirst(),
                PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ofSeconds(30)).advice(polls)
                        .build(), true);
        endpoints.startAll();
        awaitFirstInHandler();
        assertThat(input.getQueueSize()).isEqualTo(100 - 64);

        consumer.stop();

        assertThat(input.getQueueSize()).as("back in the channel as the stop returns").isEqualTo(99);
        releaseFirst.countDown();
        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(handled).as("the message under way is handled, no other").containsExactly(0);
        List<Object> left = input.clear().stream().map(message -> (Object) message.getPayload()).toList();
        assertThat(left).containsExactlyElementsOf(range(1, 100));
    }

    @Test
    void aRestartedEndpointHandlesTheRestOfTheOldBatchFirstAndInOrder() throws Exception {
        QueueChannel input = new QueueChannel("input");
        sendPayloads(input, 0, 500);
        ConsumerEndpoint consumer = endpoints.consumer("consumer", input, recordingAndHoldingTheFirst(),
                PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ofMillis(5)).build(), true);
        endpoints.startAll();
        awaitFirstInHandler();

        consumer.stop();
        consumer.start();
        await().atMost(WAIT).until(() -> handled.size() >= 100); // the new start goes on while message 0 is held
        releaseFirst.countDown();

        await().atMost(WAIT).until(() -> handled.size() == 500);
        assertThat(handled.subList(0, handled.size() - 1)).as("all but message 0, released last")
                .containsExactlyElementsOf(range(1, 500));
        assertThat(handled.get(499)).isEqualTo(0);
    }

    /**
     * The messages of a batch keep their places until their handling begins: while the consumer handles the first
     * message of a batch, the producer can fill the channel exactly to its capacity, as with one receive at a time,
     * and a timed send on the full channel gives up after its timeout.
     */
    @Test
    void aBoundedChannelKeepsItsCapacityAndItsSendTimeoutWhileItsConsumerHoldsABatch() throws Exception {
        int capacity = 320; // batches of 20
        QueueChannel input = new QueueChannel("bounded", capacity);
        sendPayloads(input, 0, 50);
        endpoints.consumer("consumer", input, recordingAndHoldingTheFirst(),
                PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ofSeconds(30)).build(), true);
        endpoints.startAll();
        awaitFirstInHandler();

        int accepted = 0;
        while (input.send(Message.of(50 + accepted), Duration.ZERO)) {
            accepted++;
        }
        assertThat(accepted).as("the 49 sent before and not yet handled count, the batch's other 19 among them")
                .isEqualTo(capacity - 49);
        assertThat(input.getRemainingCapacity()).isZero();
        long start = System.nanoTime();
        assertThat(input.send(Message.of("late"), Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));

        releaseFirst.countDown();
        await().atMost(WAIT).until(() -> handled.size() == capacity + 1);
        assertThat(handled).containsExactlyElementsOf(range(0, capacity + 1));
        assertThat(input.getRemainingCapacity()).isEqualTo(capacity);
    }

    @Test
    void onAChannelWithInterceptorsEachMessageIsReceivedOnItsOwn() {
        QueueChannel input = new QueueChannel("input");
        AtomicInteger receivedThroughInterceptor = new AtomicInteger();
        input.addInterceptor(new ChannelInterceptor() {
            @Override
            public Message<?> postReceive(Message<?> message, MessageChannel channel) {
                receivedThroughInterceptor.incrementAndGet();
                return message;
            }
        });
        sendPayloads(input, 0, 100);
        releaseFirst.countDown();
        endpoints.consumer("consumer", input, recordingAndHoldingTheFirst(),
                PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ZERO).build(), true);
        endpoints.startAll();

        await().atMost(WAIT).until(() -> handled.size() == 100);
        assertThat(handled).containsExactlyElementsOf(range(0, 100));
        assertThat(receivedThroughInterceptor.get()).isEqualTo(100);
    }

    @Test
    void withReceiveAdvicesEachMessageIsReceivedOnItsOwn() throws Exception {
        QueueChannel input = new QueueChannel("input");
        AtomicInteger afterReceives = new AtomicInteger();
        ReceiveMessageAdvice counting = new ReceiveMessageAdvice() {
            @Override
            public Message<?> afterReceive(Message<?> result, Object source) {
                if (result != null) {
                    afterReceives.incrementAndGet();
                }
                return result;
            }
        };
        sendPayloads(input, 0, 100);
        endpoints.consumer("consumer", input, recordingAndHoldingTheFirst(),
                PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ZERO).receiveAdvice(counting)
                        .build(), true);
        endpoints.startAll();
        awaitFirstInHandler();
        assertThat(input.getQueueSize()).isEqualTo(99);
        releaseFirst.countDown();

        await().atMost(WAIT).until(() -> handled.size() == 100);
        assertThat(afterReceives.get()).isEqualTo(100);
    }

    @Test
    void pollNowHandlesWhatAFailedPollLeftBeforeReceivingMore() throws Exception {
        QueueChannel input = new QueueChannel("input");
        QueueChannel errors = new QueueChannel("errors");
        sendPayloads(input, 0, 10);
        PollingConsumer consumer = (PollingConsumer) endpoints.consumer("consumer", input, message -> {
            if (message.getPayload().equals(2)) {
                throw new IllegalStateException("boom");
            }
            handled.add(message.getPayload());
        }, PollerSpec.fixedDelay(ONE_HOUR).initialDelay(Duration.ZERO).receiveTimeout(Duration.ZERO)
                .errorChannel(errors).advice(polls).build(), true);
        endpoints.startAll();
        await().atMost(WAIT).until(() -> polls.finished() == 1 && errors.getQueueSize() == 1);
        assertThat(handled).containsExactly(0, 1);
        assertThat(input.getQueueSize()).as("the rest is in the endpoint's batch").isZero();
        sendPayloads(input, 10, 12);

        assertThat(consumer.pollNow()).isTrue();

        assertThat(handled).containsExactlyElementsOf(range(0, 12).stream().filter(p -> !p.equals(2)).toList());
    }

    /** The draining stop counts the messages of a batch as in flight; a failure among them loses none of the others. */
    @Test
    void aDrainingStopHandlesEveryMessageOfABatchWhoseHandlerFailsOnOne() {
        QueueChannel input = new QueueChannel("input");
        QueueChannel errors = new QueueChannel("errors");
        endpoints.consumer("consumer", input, message -> {
            if (message.getPayload().equals(150)) {
                throw new IllegalStateException("boom");
            }
            handled.add(message.getPayload());
        }, PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ofMillis(50)).errorChannel(errors)
                .build(), true);
        endpoints.startAll();
        sendPayloads(input, 0, 300);

        assertThat(endpoints.stopAll(WAIT, () -> true)).isTrue();

        List<Object> expected = range(0, 300);
        expected.remove((Object) 150);
        assertThat(handled).containsExactlyElementsOf(expected);
        assertThat(errors.getQueueSize()).isEqualTo(1);
        assertThat(input.getQueueSize()).isZero();
    }
}
