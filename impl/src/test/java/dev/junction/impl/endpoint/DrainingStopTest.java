package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerSpec;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ExecutorChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A draining stop lets queued messages and messages being handled finish before the consumers stop, keeps
 * event-driven consumers subscribed while pollers still send to them, and gives up at its deadline.
 */
class DrainingStopTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    @Test
    void queuedMessagesAreHandledAndReachTheEventDrivenConsumerDownstream() {
        QueueChannel queue = new QueueChannel("queue");
        DirectChannel downstream = new DirectChannel("downstream");
        List<Object> delivered = new CopyOnWriteArrayList<>();
        endpoints.consumer("poller", queue, message -> downstream.send(message),
                PollerSpec.fixedDelay(Duration.ofMillis(20)).maxMessagesPerPoll(1).build(), true);
        endpoints.consumer("sink", downstream, message -> delivered.add(message.getPayload()), null, true);
        for (int i = 0; i < 20; i++) {
            queue.send(Message.of(i)); // before start: all of them wait in the queue when the stop begins
        }
        endpoints.startAll();

        boolean drained = endpoints.stopAll(GENEROUS, () -> true);

        assertThat(drained).isTrue();
        assertThat(queue.getQueueSize()).isZero();
        assertThat(delivered).hasSize(20);
        assertThat(downstream.getSubscriberCount()).as("stopped last").isZero();
    }

    @Test
    void waitsForTheProducersOutsideTheRegistry() throws Exception {
        QueueChannel queue = new QueueChannel("queue");
        List<Object> delivered = new CopyOnWriteArrayList<>();
        endpoints.consumer("poller", queue, message -> delivered.add(message.getPayload()),
                PollerSpec.fixedDelay(Duration.ofMillis(1)).build(), true);
        endpoints.startAll();
        AtomicBoolean callInProgress = new AtomicBoolean(true);
        CountDownLatch stopping = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                stopping.await();
                queue.send(Message.of("late but accepted")); // a gateway call still in progress sends its message
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                callInProgress.set(false);
            }
        });
        caller.start();

        boolean drained = endpoints.stopAll(GENEROUS, () -> {
            stopping.countDown();
            return !callInProgress.get();
        });

        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(drained).isTrue();
        assertThat(delivered).containsExactly("late but accepted");
    }

    @Test
    void messagesWaitingInAnExecutorChannelAreDeliveredBeforeItsConsumerStops() throws Exception {
        ExecutorService slowExecutor = Executors.newSingleThreadExecutor();
        try {
            ExecutorChannel background = channels.register(new ExecutorChannel("background", slowExecutor));
            List<Object> delivered = new CopyOnWriteArrayList<>();
            endpoints.consumer("worker", background, message -> {
                LockSupport.parkNanos(5_000_000); // slow enough that most messages still wait when the stop begins
                delivered.add(message.getPayload());
            }, null, true);
            endpoints.startAll();
            for (int i = 0; i < 20; i++) {
                background.send(Message.of(i));
            }

            boolean drained = endpoints.stopAll(GENEROUS, () -> true);

            assertThat(drained).isTrue();
            assertThat(delivered).hasSize(20);
            assertThat(background.getPendingDeliveries()).isZero();
        } finally {
            slowExecutor.shutdown();
        }
    }

    @Test
    void waitsForAnEmptyPollWhoseAdviceEndsAfterTheConsumerStopped() throws Exception {
        QueueChannel queue = new QueueChannel("queue");
        CountDownLatch afterPoll = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<ConsumerEndpoint> consumer = new AtomicReference<>();
        // plays a transaction advice: it "commits" once the poll returned, here only after the consumer was stopped
        PollAdvice commitAfterStop = poll -> {
            boolean received = poll.proceed();
            afterPoll.countDown();
            Awaitility.await().atMost(GENEROUS).until(() -> !consumer.get().isRunning());
            events.add("committed");
            return received;
        };
        consumer.set(endpoints.consumer("poller", queue, message -> { },
                PollerSpec.fixedDelay(Duration.ofMillis(1)).receiveTimeout(Duration.ZERO).advice(commitAfterStop)
                        .build(), true));
        endpoints.startAll();
        assertThat(afterPoll.await(30, TimeUnit.SECONDS)).isTrue();

        boolean drained = endpoints.stopAll(GENEROUS, () -> true);
        events.add("stopped");

        assertThat(drained).isTrue();
        assertThat(events).containsExactly("committed", "stopped");
    }

    @Test
    void givesUpAtTheDeadlineAndStopsAnyway() {
        QueueChannel queue = new QueueChannel("queue");
        endpoints.consumer("idle", queue, message -> { }, PollerSpec.fixedDelay(Duration.ofMillis(5)).build(), false);
        queue.send(Message.of("never polled")); // the consumer is not started: the queue never empties
        endpoints.startAll();

        boolean drained = endpoints.stopAll(Duration.ofMillis(50), () -> false);

        assertThat(drained).isFalse();
        assertThat(endpoints.endpoint("idle")).get().extracting(AbstractEndpoint::isRunning).isEqualTo(false);
    }
}
