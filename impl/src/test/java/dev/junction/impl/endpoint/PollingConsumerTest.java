package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The polling consumer: per-poll limits, long polling, task executors, stopping and polling by hand. */
class PollingConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final QueueChannel input = new QueueChannel("input");
    private final PollCounter polls = new PollCounter();
    private ThreadPoolExecutor executor;

    @AfterEach
    void tearDown() throws InterruptedException {
        endpoints.stopAll();
        scheduler.close();
        if (executor != null) {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private PollingConsumer consumer(MessageHandler handler, PollerMetadata poller) {
        return (PollingConsumer) endpoints.consumer("consumer", input, handler, poller, true);
    }

    private void sendPayloads(int count) {
        for (int i = 1; i <= count; i++) {
            input.send(Message.of(i));
        }
    }

    @Test
    void byDefaultOnePollDrainsEveryQueuedMessage() {
        sendPayloads(5);
        List<Integer> pollOfEachMessage = new CopyOnWriteArrayList<>();
        PollingConsumer consumer = consumer(message -> pollOfEachMessage.add(polls.current()),
                PollerSpec.fixedDelay(ONE_HOUR).initialDelay(Duration.ZERO).receiveTimeout(Duration.ZERO)
                        .advice(polls).build());
        assertThat(consumer.getPoller().maxMessagesPerPoll()).isNull();

        endpoints.startAll();

        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(pollOfEachMessage).containsExactly(1, 1, 1, 1, 1);
        assertThat(PollingConsumer.DEFAULT_MAX_MESSAGES_PER_POLL).isNegative();
    }

    @Test
    void maxMessagesPerPollLimitsWhatOnePollTakes() throws Exception {
        sendPayloads(5);
        List<Object> handled = new CopyOnWriteArrayList<>();
        PollingConsumer consumer = consumer(message -> handled.add(message.getPayload()),
                PollerSpec.fixedDelay(ONE_HOUR).maxMessagesPerPoll(2).receiveTimeout(Duration.ZERO).advice(polls)
                        .build());

        consumer.start();

        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(handled).containsExactly(1, 2);
        assertThat(input.getQueueSize()).isEqualTo(3);

        assertThat(consumer.pollNow()).isTrue();
        assertThat(handled).containsExactly(1, 2, 3, 4);
        assertThat(input.getQueueSize()).isEqualTo(1);
    }

    /**
     * Long polling: a 10 ms interval with a 30 s receive timeout. The poll blocks in the receive and
     * returns as the message arrives; it is handled long before the receive timeout could have run out.
     */
    @Test
    void longPollingReactsToAMessageAsItArrives() {
        AtomicReference<Thread> pollerThread = new AtomicReference<>();
        ReceiveMessageAdvice rememberThread = new ReceiveMessageAdvice() {
            @Override
            public boolean beforeReceive(Object source) {
                pollerThread.compareAndSet(null, Thread.currentThread());
                return true;
            }
        };
        AtomicLong handledAt = new AtomicLong();
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        consumer(message -> {
            handledAt.set(System.nanoTime());
            handledOn.set(Thread.currentThread());
        }, PollerSpec.fixedDelay(Duration.ofMillis(10)).receiveTimeout(Duration.ofSeconds(30))
                .receiveAdvice(rememberThread).build());
        endpoints.startAll();

        // the first receive waits for up to 30 s: the poller thread is parked in it
        await().atMost(WAIT).until(() -> pollerThread.get() != null
                && pollerThread.get().getState() == Thread.State.TIMED_WAITING);
        long sentAt = System.nanoTime();
        input.send(Message.of("wake up"));

        await().atMost(WAIT).until(() -> handledAt.get() != 0);
        assertThat(handledOn.get()).isSameAs(pollerThread.get());
        System.out.printf("long polling: handled %.3f ms after the send%n", (handledAt.get() - sentAt) / 1e6);
    }

    /** Stopping interrupts a poll blocked in a long receive, so the endpoint is stopped at once and for good. */
    @Test
    void stopEndsAPollBlockedInALongReceive() {
        AtomicReference<Thread> pollerThread = new AtomicReference<>();
        ReceiveMessageAdvice rememberThread = new ReceiveMessageAdvice() {
            @Override
            public boolean beforeReceive(Object source) {
                pollerThread.compareAndSet(null, Thread.currentThread());
                return true;
            }
        };
        List<Message<?>> handled = new CopyOnWriteArrayList<>();
        PollingConsumer consumer = consumer(handled::add, PollerSpec.fixedDelay(Duration.ofMillis(10))
                .receiveTimeout(Duration.ofSeconds(30)).advice(polls).receiveAdvice(rememberThread).build());
        consumer.start();
        await().atMost(WAIT).until(() -> pollerThread.get() != null
                && pollerThread.get().getState() == Thread.State.TIMED_WAITING);

        consumer.stop();

        // well before the 30 s receive timeout: the blocked receive was interrupted
        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(consumer.isRunning()).isFalse();
        Message<?> late = Message.of("after stop");
        input.send(late);
        assertThat(input.receive(Duration.ZERO)).isSameAs(late);
        assertThat(handled).isEmpty();
        assertThat(polls.started()).isEqualTo(1);
    }

    @Test
    void stopEndsALongReceiveOnATaskExecutorThreadToo() {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicReference<Thread> pollerThread = new AtomicReference<>();
        ReceiveMessageAdvice rememberThread = new ReceiveMessageAdvice() {
            @Override
            public boolean beforeReceive(Object source) {
                pollerThread.compareAndSet(null, Thread.currentThread());
                return true;
            }
        };
        PollingConsumer consumer = consumer(message -> { }, PollerSpec.fixedDelay(Duration.ofMillis(10))
                .receiveTimeout(Duration.ofSeconds(30)).taskExecutor(executor).advice(polls)
                .receiveAdvice(rememberThread).build());
        consumer.start();
        await().atMost(WAIT).until(() -> pollerThread.get() != null
                && pollerThread.get().getState() == Thread.State.TIMED_WAITING);

        consumer.stop();

        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(pollerThread.get().getName()).doesNotStartWith("junction-scheduler-");
        // the executor thread is free again, and without a stale interrupt
        AtomicReference<Boolean> interruptedAfterwards = new AtomicReference<>();
        executor.execute(() -> interruptedAfterwards.set(Thread.currentThread().isInterrupted()));
        await().atMost(WAIT).until(() -> interruptedAfterwards.get() != null);
        assertThat(interruptedAfterwards.get()).isFalse();
    }

    /** Only a wait for a message is interrupted: a message being handled when stop comes is handled to the end. */
    @Test
    void stopLetsTheMessageUnderWayBeHandledUndisturbed() throws InterruptedException {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        PollingConsumer consumer = consumer(message -> {
            handling.countDown();
            try {
                outcome.set(release.await(10, TimeUnit.SECONDS) ? "completed" : "timed out");
            } catch (InterruptedException e) {
                outcome.set("interrupted");
            }
        }, PollerSpec.fixedDelay(Duration.ofMillis(10)).receiveTimeout(Duration.ofSeconds(30)).advice(polls).build());
        sendPayloads(2);
        consumer.start();
        assertThat(handling.await(10, TimeUnit.SECONDS)).isTrue();

        consumer.stop();
        release.countDown();

        await().atMost(WAIT).until(() -> polls.finished() == 1);
        assertThat(outcome.get()).isEqualTo("completed");
        assertThat(input.getQueueSize()).isEqualTo(1); // the stopped poll took no further message
    }

    /**
     * The "artificial memory leak" of unbounded task executors: a trigger firing far faster than the task executor can poll. The
     * endpoint hands the executor a new poll only when the previous one has finished, so the executor's queue
     * never holds more than one poll and the surplus firings are counted as skipped.
     */
    @Test
    void aPollTheExecutorSilentlyDiscardsDoesNotStopThePolling() throws Exception {
        // one worker, no queue, and a policy that drops what it cannot run: a poll fired while the worker is busy
        // disappears without an exception
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.DiscardPolicy());
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        List<Object> handled = new CopyOnWriteArrayList<>();
        PollingConsumer consumer = consumer(message -> handled.add(message.getPayload()),
                PollerSpec.fixedDelay(Duration.ofMillis(5)).receiveTimeout(Duration.ZERO).taskExecutor(executor)
                        .build());
        consumer.start();
        await().atMost(WAIT).until(() -> consumer.getSkippedFirings() >= 3); // its first poll was dropped

        release.countDown();
        sendPayloads(3);

        await().atMost(WAIT).until(() -> handled.size() == 3);
        assertThat(handled).containsExactly(1, 2, 3);
    }

    @Test
    void aFastTriggerCannotQueueABacklogOfPollsOnASlowExecutor() {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicReference<String> pollThreadName = new AtomicReference<>();
        ReceiveMessageAdvice rememberThread = new ReceiveMessageAdvice() {
            @Override
            public boolean beforeReceive(Object source) {
                pollThreadName.set(Thread.currentThread().getName());
                return true;
            }
        };
        // each poll waits 50 ms for a message that never comes: a slow task, fired every millisecond
        PollingConsumer consumer = consumer(message -> { }, PollerSpec.fixedRate(Duration.ofMillis(1))
                .receiveTimeout(Duration.ofMillis(50)).taskExecutor(executor).advice(polls)
                .receiveAdvice(rememberThread).build());
        consumer.start();

        AtomicInteger mostQueued = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> {
            mostQueued.accumulateAndGet(executor.getQueue().size(), Math::max);
            return polls.finished() >= 4 && consumer.getSkippedFirings() >= 100;
        });

        assertThat(mostQueued.get()).isLessThanOrEqualTo(1);
        assertThat(executor.getQueue().size()).isLessThanOrEqualTo(1);
        assertThat(executor.getCompletedTaskCount()).isLessThan(consumer.getSkippedFirings());
        assertThat(pollThreadName.get()).doesNotStartWith("junction-scheduler-");
        System.out.printf("slow executor: %d polls, %d firings skipped, queue at most %d%n", polls.finished(),
                consumer.getSkippedFirings(), mostQueued.get());
    }

    @Test
    void pollNowPollsOnTheCallingThreadEvenWhenTheEndpointIsNotStarted() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        PollingConsumer consumer = (PollingConsumer) endpoints.consumer("manual", input,
                message -> threads.add(Thread.currentThread().getName()),
                PollerSpec.fixedDelay(ONE_HOUR).receiveTimeout(Duration.ZERO).build(), false);

        assertThat(consumer.pollNow()).isFalse();
        sendPayloads(2);
        assertThat(consumer.pollNow()).isTrue();

        assertThat(consumer.isRunning()).isFalse();
        assertThat(threads).containsExactly(Thread.currentThread().getName(), Thread.currentThread().getName());
    }

    @Test
    void pollNowReportsAHandlerFailureToTheCallerWithTheFailedMessage() {
        IllegalStateException boom = new IllegalStateException("boom");
        PollingConsumer consumer = (PollingConsumer) endpoints.consumer("manual", input, message -> {
            throw boom;
        }, PollerSpec.fixedDelay(ONE_HOUR).receiveTimeout(Duration.ZERO).build(), false);
        Message<String> message = Message.of("doomed");
        input.send(message);

        assertThatThrownBy(consumer::pollNow).isInstanceOf(MessageHandlingException.class)
                .hasMessageContaining("'manual'").hasCause(boom)
                .satisfies(e -> assertThat(((MessageHandlingException) e).getFailedMessage()).isSameAs(message));
    }

    @Test
    void aPollerWithoutExecutorPollsOnTheSchedulerThreadAndEachPollWaitsForTheHandler() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        consumer(message -> {
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
        }, PollerSpec.fixedRate(Duration.ofMillis(1)).receiveTimeout(Duration.ZERO).maxMessagesPerPoll(1).build());
        sendPayloads(3);
        endpoints.startAll();

        await().atMost(WAIT).until(() -> threads.size() == 1);
        release.countDown();
        await().atMost(WAIT).until(() -> threads.size() == 3);

        assertThat(mostConcurrent.get()).isEqualTo(1);
        assertThat(threads).allMatch(name -> name.startsWith("junction-scheduler-"));
    }
}
