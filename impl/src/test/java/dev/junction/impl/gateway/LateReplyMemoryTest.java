package dev.junction.impl.gateway;

import static dev.junction.impl.gateway.Flows.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.channel.PublishSubscribeChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.core.TemporaryReplyChannel;
import dev.junction.impl.testing.LogRecorder;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reply that arrives after its caller gave up is dropped, logged, and holds no memory: many timed-out calls
 * leave nothing behind in the gateway, whether replies come straight back or through an explicit reply channel.
 */
class LateReplyMemoryTest {

    private static final int CALLS = 10_000;
    private static final int SAMPLE_EVERY = 100;

    private final ExecutorService threads = Flows.daemonThreads("late-reply-test");

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    interface Service {
        String call(int request);
    }

    @Test
    void manyTimedOutCallsWithLateRepliesLeaveNothingBehind() throws Exception {
        QueueChannel requests = new QueueChannel("requests");
        Service gateway = GatewayProxyFactory.builder(Service.class).defaultRequestChannel(requests)
                .defaultReplyTimeout(Duration.ZERO).create();
        CountDownLatch callersGaveUp = new CountDownLatch(1);
        LateResponder responder = new LateResponder(requests, callersGaveUp);

        try (LogRecorder log = LogRecorder.of(TemporaryReplyChannel.class)) {
            Future<Samples> samples = threads.submit(responder);
            for (int i = 0; i < CALLS; i++) {
                assertThat(gateway.call(i)).isNull();
            }
            callersGaveUp.countDown();
            Samples sampled = samples.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(responder.refused).as("every late reply was refused").hasValue(CALLS);
            assertThat(log.at(Level.FINE)).as("and logged").hasSize(CALLS)
                    .allSatisfy(record -> assertThat(record.getMessage()).startsWith("Late reply refused"));
            // the gateway is still in use, yet neither the replies nor the temporary channels are reachable
            Flows.awaitCollected(sampled.replies);
            Flows.awaitCollected(sampled.replyChannels);
        }
        assertThat(gateway.toString()).contains("Service");
    }

    @Test
    void lateRepliesThroughAnExplicitReplyChannelLeaveNothingBehindEither() throws Exception {
        QueueChannel requests = new QueueChannel("requests");
        PublishSubscribeChannel replies = new PublishSubscribeChannel("replies");
        AtomicInteger audited = new AtomicInteger();
        replies.subscribe(reply -> audited.incrementAndGet());
        Service gateway = GatewayProxyFactory.builder(Service.class).defaultRequestChannel(requests)
                .defaultReplyChannel(replies).defaultReplyTimeout(Duration.ZERO).create();
        CountDownLatch callersGaveUp = new CountDownLatch(1);
        LateResponder responder = new LateResponder(requests, callersGaveUp);

        try (LogRecorder log = LogRecorder.of(TemporaryReplyChannel.class)) {
            Future<Samples> samples = threads.submit(responder);
            for (int i = 0; i < CALLS; i++) {
                assertThat(gateway.call(i)).isNull();
            }
            callersGaveUp.countDown();
            Samples sampled = samples.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(responder.accepted).as("the reply channel took every reply").hasValue(CALLS);
            assertThat(audited).as("its other subscriber saw them").hasValue(CALLS);
            assertThat(log.at(Level.FINE)).as("the bridge's forwards were refused and logged").hasSize(CALLS);
            Flows.awaitCollected(sampled.replies);
            Flows.awaitCollected(sampled.replyChannels);
        }
        assertThat(replies.getSubscriberCount()).as("the bridge is still subscribed").isEqualTo(2);
    }

    /** Weak references to every hundredth late reply and temporary channel. */
    record Samples(List<WeakReference<Object>> replies, List<WeakReference<Object>> replyChannels) {
    }

    /**
     * Waits until every caller gave up, then answers each queued request through its replyChannel header, and
     * drops the requests: afterwards only the samples' weak references point at anything.
     */
    private static final class LateResponder implements Callable<Samples> {
        private final QueueChannel requests;
        private final CountDownLatch callersGaveUp;
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();

        LateResponder(QueueChannel requests, CountDownLatch callersGaveUp) {
            this.requests = requests;
            this.callersGaveUp = callersGaveUp;
        }

        @Override
        public Samples call() throws Exception {
            assertThat(callersGaveUp.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            List<WeakReference<Object>> replies = new ArrayList<>();
            List<WeakReference<Object>> replyChannels = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                Message<?> request = requests.receive(Duration.ZERO);
                Message<String> late = MessageBuilder.withPayload("late " + request.getPayload())
                        .copyHeaders(request.getHeaders()).build();
                MessageChannel replyChannel = (MessageChannel) request.getHeaders().getReplyChannel();
                if (replyChannel.send(late)) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                if (i % SAMPLE_EVERY == 0) {
                    replies.add(new WeakReference<>(late));
                    replyChannels.add(new WeakReference<>(request.getHeaders().getErrorChannel())); // the temporary one
                }
            }
            assertThat(requests.getQueueSize()).isZero();
            return new Samples(replies, replyChannels);
        }
    }
}
