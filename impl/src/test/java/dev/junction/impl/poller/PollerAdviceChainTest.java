package dev.junction.impl.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.endpoint.EndpointRegistry;
import dev.junction.impl.endpoint.PollingConsumer;
import dev.junction.impl.endpoint.SourcePollingChannelAdapter;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import dev.junction.impl.source.SupplierMessageSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Advices around whole polls (outermost first, may skip) and around the receive part (may cancel or replace). */
class PollerAdviceChainTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);
    private final ChannelRegistry channels = new ChannelRegistry();
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final QueueChannel input = new QueueChannel("input");
    private final List<String> trace = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        endpoints.stopAll();
        scheduler.close();
    }

    private PollAdvice tracing(String name) {
        return poll -> {
            trace.add(name + " before");
            boolean received = poll.proceed();
            trace.add(name + " after: " + received);
            return received;
        };
    }

    private PollingConsumer consumer(PollerSpec poller) {
        return (PollingConsumer) endpoints.consumer("consumer", input,
                message -> trace.add("handled " + message.getPayload()),
                poller.receiveTimeout(Duration.ZERO).build(), false);
    }

    private static PollerSpec hourly() {
        return PollerSpec.fixedDelay(Duration.ofHours(1));
    }

    @Test
    void theFirstAdviceIsOutermostAndTheChainSpansReceiveAndHandling() throws Exception {
        PollingConsumer consumer = consumer(hourly().advice(tracing("outer"), tracing("inner")));
        input.send(Message.of("m"));

        assertThat(consumer.pollNow()).isTrue();

        assertThat(trace).containsExactly("outer before", "inner before", "handled m", "inner after: true",
                "outer after: true");
    }

    @Test
    void theChainRunsAroundScheduledPollsToo() {
        consumer(hourly().initialDelay(Duration.ZERO).advice(tracing("outer"), tracing("inner"))).start();

        await().atMost(WAIT).until(() -> trace.size() == 4);
        assertThat(trace).containsExactly("outer before", "inner before", "inner after: false", "outer after: false");
    }

    @Test
    void anAdviceThatDoesNotProceedSkipsThePoll() throws Exception {
        PollAdvice skipping = poll -> {
            trace.add("skipped");
            return false;
        };
        PollingConsumer consumer = consumer(hourly().advice(tracing("outer"), skipping, tracing("never")));
        input.send(Message.of("m"));

        assertThat(consumer.pollNow()).isFalse();

        assertThat(trace).containsExactly("outer before", "skipped", "outer after: false");
        assertThat(input.getQueueSize()).isEqualTo(1);
    }

    @Test
    void anAdviceFailureIsAFailureOfThePoll() {
        QueueChannel errors = new QueueChannel("errors");
        PollAdvice failing = poll -> {
            throw new java.io.IOException("no transaction today");
        };
        PollingConsumer consumer = consumer(PollerSpec.fixedDelay(Duration.ofMillis(5)).advice(failing)
                .errorChannel(errors));

        assertThatThrownBy(consumer::pollNow).isInstanceOf(java.io.IOException.class);

        consumer.start();
        Message<?> error = errors.receive(WAIT);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).isInstanceOf(MessagingException.class).hasMessageContaining("'consumer'")
                .hasRootCauseMessage("no transaction today");
    }

    @Test
    void aReceiveAdviceCanCancelThePollBeforeItReceives() throws Exception {
        List<Object> sources = new CopyOnWriteArrayList<>();
        ReceiveMessageAdvice cancelling = new ReceiveMessageAdvice() {
            @Override
            public boolean beforeReceive(Object source) {
                sources.add(source);
                return false;
            }

            @Override
            public Message<?> afterReceive(Message<?> result, Object source) {
                trace.add("afterReceive must not run for a cancelled receive");
                return result;
            }
        };
        PollingConsumer consumer = consumer(hourly().receiveAdvice(cancelling));
        input.send(Message.of("m"));

        assertThat(consumer.pollNow()).isFalse();

        assertThat(sources).containsExactly(input);
        assertThat(trace).isEmpty();
        assertThat(input.getQueueSize()).isEqualTo(1);
    }

    @Test
    void aReceiveAdviceCanReplaceWhatWasReceived() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ReceiveMessageAdvice replacing = new ReceiveMessageAdvice() {
            @Override
            public Message<?> afterReceive(Message<?> result, Object source) {
                seen.add(result == null ? "nothing" : result.getPayload());
                return result == null ? null : Message.of(result.getPayload() + " (replaced)");
            }
        };
        PollingConsumer consumer = consumer(hourly().receiveAdvice(replacing));
        input.send(Message.of("m"));

        assertThat(consumer.pollNow()).isTrue();

        assertThat(trace).containsExactly("handled m (replaced)");
        assertThat(seen).containsExactly("m", "nothing");
    }

    @Test
    void receiveAdvicesSeeTheMessageSourceOfAnAdapterAndCanProduceAMessageWhereThereWasNone() throws Exception {
        QueueChannel out = channels.register(new QueueChannel("out"));
        SupplierMessageSource source = new SupplierMessageSource(() -> null);
        List<Object> sources = new CopyOnWriteArrayList<>();
        ReceiveMessageAdvice substitute = new ReceiveMessageAdvice() {
            @Override
            public Message<?> afterReceive(Message<?> result, Object polled) {
                sources.add(polled);
                return result != null ? result : Message.of("default");
            }
        };
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("adapter", source, "out",
                hourly().receiveAdvice(substitute).build(), null, false);

        assertThat(adapter.pollNow()).isTrue();

        assertThat(sources).containsExactly(source);
        assertThat(out.receive(Duration.ZERO).getPayload()).isEqualTo("default");
    }

    @Test
    void receiveAdvicesRunInOrderAndEachSeesThePreviousResult() throws Exception {
        DirectChannel out = channels.register(new DirectChannel("out"));
        List<Object> delivered = new CopyOnWriteArrayList<>();
        out.subscribe(message -> delivered.add(message.getPayload()));
        AtomicInteger next = new AtomicInteger();
        ReceiveMessageAdvice first = new ReceiveMessageAdvice() {
            @Override
            public Message<?> afterReceive(Message<?> result, Object source) {
                return Message.of(result.getPayload() + "-first");
            }
        };
        ReceiveMessageAdvice second = new ReceiveMessageAdvice() {
            @Override
            public Message<?> afterReceive(Message<?> result, Object source) {
                return Message.of(result.getPayload() + "-second");
            }
        };
        SourcePollingChannelAdapter adapter = endpoints.inboundAdapter("adapter",
                new SupplierMessageSource(next::incrementAndGet), "out",
                hourly().receiveAdvice(first, second).build(), null, false);

        adapter.pollNow();

        assertThat(delivered).containsExactly("1-first-second");
    }
}
