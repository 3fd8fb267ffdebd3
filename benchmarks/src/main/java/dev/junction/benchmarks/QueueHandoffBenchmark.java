package dev.junction.benchmarks;

import dev.junction.api.message.Message;
import dev.junction.impl.channel.QueueChannel;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.PollingConsumer;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.messaging.support.GenericMessage;

/**
 * One producer thread and one consumer thread hand messages through a bounded queue of {@value #CAPACITY}:
 * the producer blocks while the queue is full, the consumer while it is empty. Each framework is a JMH group
 * of two threads ({@code send} and {@code receive}); its score for this scenario is the {@code received}
 * counter: messages taken off the queue per second.
 *
 * <p>Both sides wait at most {@value #TIMEOUT_MILLIS} ms, so neither can block forever when JMH stops the
 * other one at the end of an iteration; a send or receive that times out returns {@code false} / {@code null}
 * and is not counted in {@code sent} / {@code received} (JMH's own per-method score counts every call, time-outs
 * included; they only happen at iteration boundaries). The queue is emptied after every iteration so each
 * one starts alike.
 *
 * <ul>
 *   <li>{@code junction}: Junction's {@link QueueChannel}, {@code send(message, timeout)} and
 *       {@code receive(timeout)}, a pre-built message.</li>
 *   <li>{@code spring}: Spring Integration's {@code QueueChannel}, {@code send(message, timeoutMillis)} and
 *       {@code receive(timeoutMillis)}, a pre-built {@code GenericMessage}.</li>
 *   <li>{@code camel}: a {@code seda:} endpoint ({@code size}={@value #CAPACITY}, {@code blockWhenFull},
 *       {@code offerTimeout}) fed by a {@code ProducerTemplate} and drained by the endpoint's own
 *       {@code PollingConsumer}, which polls the endpoint's queue directly: no route or extra thread pool sits
 *       in between. (A {@code ConsumerTemplate} would do the same but parse the endpoint's URI again on every
 *       receive, which made it more than ten times slower here: that would measure URI parsing, not the
 *       hand-off.) Every send builds an {@code Exchange} and the seda producer queues a copy of it: that is what
 *       a Camel hand-off costs.</li>
 *   <li>{@code jdkQueue}: the control, no framework at all: a bare {@link LinkedBlockingQueue} of the same
 *       capacity, {@code offer(payload, timeout)} and {@code poll(timeout)}. Spring's queue channel keeps its
 *       messages in this class, so it is the ceiling Spring can reach. Junction's does not: it keeps them in
 *       its own bounded queue, a {@code LinkedTransferQueue} bounded by an atomic count of places, so it is not
 *       capped by this control and can pass it.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueueHandoffBenchmark {

    static final int CAPACITY = 1024;
    static final long TIMEOUT_MILLIS = 100;
    static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MILLIS);
    static final String PAYLOAD = "payload";

    /**
     * Successful operations of one thread, reported by JMH as rates beside the score: {@code sent} by the
     * producer, {@code received} by the consumer.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Handoffs {
        public long sent;
        public long received;

        @Setup(Level.Iteration)
        public void reset() {
            sent = 0;
            received = 0;
        }
    }

    /** One Junction queue channel shared by the group's producer and consumer. */
    @State(Scope.Group)
    public static class JunctionQueue {
        QueueChannel channel;
        Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new QueueChannel("junction-queue", CAPACITY);
            message = Message.of(PAYLOAD);
        }

        @TearDown(Level.Iteration)
        public void drain() {
            channel.clear();
        }
    }

    /** One Spring Integration queue channel shared by the group's producer and consumer. */
    @State(Scope.Group)
    public static class SpringQueue {
        org.springframework.integration.channel.QueueChannel channel;
        org.springframework.messaging.Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new org.springframework.integration.channel.QueueChannel(CAPACITY);
            channel.setBeanName("spring-queue");
            channel.afterPropertiesSet();
            message = new GenericMessage<>(PAYLOAD);
        }

        @TearDown(Level.Iteration)
        public void drain() {
            channel.clear();
        }
    }

    /** A bare JDK queue shared by the group's producer and consumer. */
    @State(Scope.Group)
    public static class JdkQueue {
        BlockingQueue<Object> queue;

        @Setup(Level.Trial)
        public void setUp() {
            queue = new LinkedBlockingQueue<>(CAPACITY);
        }

        @TearDown(Level.Iteration)
        public void drain() {
            queue.clear();
        }
    }

    /** A started Camel context and one bounded seda endpoint shared by the group's producer and consumer. */
    @State(Scope.Group)
    public static class CamelSeda {
        CamelContext context;
        SedaEndpoint endpoint;
        ProducerTemplate producer;
        PollingConsumer consumer;
        final Processor fill = exchange -> exchange.getIn().setBody(PAYLOAD);

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            context = new DefaultCamelContext();
            context.start();
            endpoint = context.getEndpoint("seda:handoff?size=" + CAPACITY + "&blockWhenFull=true&offerTimeout="
                    + TIMEOUT_MILLIS, SedaEndpoint.class);
            producer = context.createProducerTemplate();
            consumer = endpoint.createPollingConsumer();
            consumer.start();
        }

        @TearDown(Level.Iteration)
        public void drain() {
            endpoint.purgeQueue();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            consumer.stop();
            producer.stop();
            context.stop();
        }
    }

    @Benchmark
    @Group("junction")
    @GroupThreads(1)
    public boolean junctionSend(JunctionQueue queue, Handoffs handoffs) {
        boolean sent = queue.channel.send(queue.message, TIMEOUT);
        if (sent) {
            handoffs.sent++;
        }
        return sent;
    }

    @Benchmark
    @Group("junction")
    @GroupThreads(1)
    public Object junctionReceive(JunctionQueue queue, Handoffs handoffs) {
        Message<?> message = queue.channel.receive(TIMEOUT);
        if (message == null) {
            return null;
        }
        handoffs.received++;
        return message.getPayload();
    }

    @Benchmark
    @Group("spring")
    @GroupThreads(1)
    public boolean springSend(SpringQueue queue, Handoffs handoffs) {
        boolean sent = queue.channel.send(queue.message, TIMEOUT_MILLIS);
        if (sent) {
            handoffs.sent++;
        }
        return sent;
    }

    @Benchmark
    @Group("spring")
    @GroupThreads(1)
    public Object springReceive(SpringQueue queue, Handoffs handoffs) {
        org.springframework.messaging.Message<?> message = queue.channel.receive(TIMEOUT_MILLIS);
        if (message == null) {
            return null;
        }
        handoffs.received++;
        return message.getPayload();
    }

    @Benchmark
    @Group("camel")
    @GroupThreads(1)
    public boolean camelSend(CamelSeda seda, Handoffs handoffs) {
        // send(endpoint, processor) reports a full queue's time-out on the exchange instead of throwing it
        Exchange exchange = seda.producer.send(seda.endpoint, seda.fill);
        boolean sent = exchange.getException() == null;
        if (sent) {
            handoffs.sent++;
        }
        return sent;
    }

    @Benchmark
    @Group("camel")
    @GroupThreads(1)
    public Object camelReceive(CamelSeda seda, Handoffs handoffs) {
        Exchange exchange = seda.consumer.receive(TIMEOUT_MILLIS);
        if (exchange == null) {
            return null;
        }
        handoffs.received++;
        return exchange.getMessage().getBody();
    }

    @Benchmark
    @Group("jdkQueue")
    @GroupThreads(1)
    public boolean jdkQueueSend(JdkQueue queue, Handoffs handoffs) throws InterruptedException {
        boolean sent = queue.queue.offer(PAYLOAD, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (sent) {
            handoffs.sent++;
        }
        return sent;
    }

    @Benchmark
    @Group("jdkQueue")
    @GroupThreads(1)
    public Object jdkQueueReceive(JdkQueue queue, Handoffs handoffs) throws InterruptedException {
        Object payload = queue.queue.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (payload != null) {
            handoffs.received++;
        }
        return payload;
    }
}
