package dev.junction.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A message producer starts after the consumers and stops before them, and a draining stop keeps the consumers
 * running until the exchanges the producer has in progress are finished, then tells it the wait is over.
 */
class MessageProducerEndpointTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    /** A producer whose exchanges in progress the test sets, recording its lifecycle. */
    private final class Producer extends MessageProducerEndpoint {
        final AtomicLong exchanges = new AtomicLong();
        final AtomicBoolean drainFinishedCalled = new AtomicBoolean();

        Producer(String id) {
            super(id, true);
        }

        @Override
        protected void doStart() {
            events.add(getId() + " started");
        }

        @Override
        protected void doStop() {
            events.add(getId() + " stopped");
        }

        @Override
        public long exchangesInProgress() {
            return exchanges.get();
        }

        @Override
        protected void drainFinished() {
            events.add(getId() + " drain finished with " + exchanges.get() + " exchanges");
            drainFinishedCalled.set(true);
        }
    }

    private final class Consumer extends AbstractEndpoint {
        Consumer(String id) {
            super(id, true);
        }

        @Override
        protected void doStart() {
            events.add(getId() + " started");
        }

        @Override
        protected void doStop() {
            events.add(getId() + " stopped");
        }
    }

    @Test
    void isAnInboundAdapterByKind() {
        assertThat(EndpointKind.of(new Producer("p"))).isEqualTo(EndpointKind.INBOUND_ADAPTER);
    }

    @Test
    void startsAfterEveryConsumerAndStopsFirst() {
        endpoints.register(new Producer("producer")); // registered first: registration order alone would start it first
        endpoints.register(new Consumer("consumer"));
        endpoints.consumer("poller", new QueueChannel("queue"), message -> { },
                PollerSpec.fixedDelay(Duration.ofMillis(50)).build(), true);

        endpoints.startAll();
        endpoints.stopAll();

        assertThat(events).containsExactly("consumer started", "producer started", "producer stopped",
                "consumer stopped");
        assertThat(endpoints.endpoint("poller")).get().extracting(AbstractEndpoint::isRunning).isEqualTo(false);
    }

    @Test
    void aProducerWithoutExchangesDoesNotDelayTheStop() {
        Producer producer = new Producer("producer");
        endpoints.register(producer);
        endpoints.register(new Consumer("consumer"));
        endpoints.startAll();

        boolean drained = endpoints.stopAll(GENEROUS, () -> true);

        assertThat(drained).isTrue();
        assertThat(events).containsExactly("consumer started", "producer started", "producer stopped",
                "producer drain finished with 0 exchanges", "consumer stopped");
    }

    @Test
    void theConsumersServeTheExchangesInProgressUntilTheyFinish() throws Exception {
        Producer producer = new Producer("producer");
        producer.exchanges.set(1);
        endpoints.register(producer);
        DirectChannel replies = new DirectChannel("replies");
        List<Object> replied = new CopyOnWriteArrayList<>();
        endpoints.consumer("replier", replies, message -> {
            replied.add(message.getPayload());
            producer.exchanges.decrementAndGet(); // the exchange ends once its reply was handled
        }, null, true);
        endpoints.startAll();
        CountDownLatch producerStopped = new CountDownLatch(1);
        Thread exchange = new Thread(() -> {
            try {
                // the reply is produced only after the producer stopped, as a slow flow's would be
                producerStopped.await(30, TimeUnit.SECONDS);
                replies.send(Message.of("reply"));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        exchange.start();

        boolean drained = endpoints.stopAll(GENEROUS, () -> {
            if (!producer.isRunning()) {
                producerStopped.countDown();
            }
            return true;
        });

        exchange.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(drained).isTrue();
        assertThat(replied).containsExactly("reply");
        assertThat(events).containsExactly("producer started", "producer stopped",
                "producer drain finished with 0 exchanges");
    }

    @Test
    void theDeadlineEndsTheWaitAndTheProducerIsStillToldItIsOver() {
        Producer producer = new Producer("producer");
        producer.exchanges.set(2); // never finish
        endpoints.register(producer);
        endpoints.register(new Consumer("consumer"));
        endpoints.startAll();

        boolean drained = endpoints.stopAll(Duration.ofMillis(50), () -> true);

        assertThat(drained).isFalse();
        assertThat(producer.drainFinishedCalled).isTrue();
        assertThat(events).containsExactly("consumer started", "producer started", "producer stopped",
                "producer drain finished with 2 exchanges", "consumer stopped");
    }
}
