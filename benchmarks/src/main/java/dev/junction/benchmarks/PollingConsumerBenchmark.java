package dev.junction.benchmarks;

import dev.junction.api.message.Message;
import dev.junction.api.poller.PollerSpec;
import dev.junction.impl.channel.QueueChannel;
import dev.junction.impl.endpoint.PollingConsumer;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * A framework's polling consumer drains a bounded queue of {@value #CAPACITY} messages that one JMH thread
 * fills. The consumer runs on the framework's own thread (its scheduler's, or Camel's seda consumer thread) and
 * hands every message to a handler that counts it; the JMH thread only sends, {@code send(message, timeout)}.
 *
 * <p>The score of each benchmark is its {@code sent} counter: successful sends per second. The queue is bounded,
 * so the producer can only get ahead of the consumer by {@value #CAPACITY} messages: over an iteration of
 * millions, the rate of successful sends is the rate at which the consumer took messages off the queue and
 * handled them (or, if the consumer is the faster side, the rate at which the producer could hand them over).
 * The {@code handled} counter proves it: the iteration's tear-down waits until the consumer has handled every
 * message sent in the iteration (the queue is then empty, so every iteration starts alike) and reports how many
 * it handled over the same measured time, which must equal {@code sent}. JMH's own per-method score (without a
 * suffix) counts every send call, time-outs included; with a consumer running, a send only times out if that
 * consumer stalls for {@value #SEND_TIMEOUT_MILLIS} ms.
 *
 * <ul>
 *   <li>{@code junction}: Junction's {@link PollingConsumer} on a {@link QueueChannel}, polling with a fixed
 *       delay of 1 ms, {@code maxMessagesPerPoll(-1)} (a poll takes messages until a receive comes back empty)
 *       and a receive timeout of 1 s, on a {@link SimpleTaskScheduler} of one thread.</li>
 *   <li>{@code spring}: Spring Integration's {@code PollingConsumer} on its {@code QueueChannel}, with the same
 *       trigger, {@code maxMessagesPerPoll} and receive timeout, on a {@code ThreadPoolTaskScheduler} of one
 *       thread; both objects are built and initialised by hand (no application context).</li>
 *   <li>{@code camel}: the route {@code from("seda:…?size=1024&blockWhenFull=true").process(…)}: the seda
 *       endpoint's one consumer thread polls its queue (1 s poll timeout) and runs each exchange through the route
 *       to the processor. The producer is a {@code ProducerTemplate} that builds an {@code Exchange} per send
 *       (the seda producer queues a copy of it), with {@code offerTimeout} as the send time-out.</li>
 *   <li>{@code jdkThread}: the control, no framework: a bare thread that drains a {@link LinkedBlockingQueue}
 *       of the same capacity with {@code poll(1 s)} and hands each payload to the same handler; the producer
 *       calls {@code offer(payload, timeout)}.</li>
 * </ul>
 *
 * <p>Each set-up starts its consumer, sends one message and waits until the consumer has handled it, so no
 * measured iteration includes a consumer's start-up. Every state is per thread, so {@code -t N} runs N
 * independent producer/consumer pairs (2N busy threads).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PollingConsumerBenchmark {

    static final int CAPACITY = 1024;
    static final long SEND_TIMEOUT_MILLIS = 100;
    static final Duration SEND_TIMEOUT = Duration.ofMillis(SEND_TIMEOUT_MILLIS);
    static final long POLL_INTERVAL_MILLIS = 1;
    static final long RECEIVE_TIMEOUT_MILLIS = 1000;
    static final String PAYLOAD = "payload";
    /** How long an iteration's tear-down waits for the consumer to handle what is still queued. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What every consumer hands its messages to, and the iteration bookkeeping around it. Only the one consumer
     * thread calls {@link #accept}, so the count needs no atomic increment, only a store the JMH thread can read:
     * {@code lazySet} of the next value.
     */
    static final class Sink {
        private final AtomicLong handled = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Object last; // keeps the payload read observable; written by the consumer thread only
        private long handledBefore; // JMH thread only

        void accept(Object payload) {
            last = payload;
            handled.lazySet(handled.get() + 1);
        }

        /** Error handlers of the consumers report here; the iteration's tear-down then fails the benchmark. */
        void failed(Throwable error) {
            failure.compareAndSet(null, error);
        }

        /**
         * Waits until the consumer has handled its first message, sent by the set-up right after starting it, so
         * that no measured iteration includes a consumer's start-up (Camel's seda consumer, for one, takes its
         * first message only about a second after the context started).
         *
         * @throws IllegalStateException if the consumer handled nothing within {@code DRAIN_TIMEOUT}
         */
        void awaitStarted() {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (handled.get() == 0 && System.nanoTime() - deadline < 0) {
                checkNoFailure();
                LockSupport.parkNanos(100_000);
            }
            checkNoFailure();
            if (handled.get() == 0) {
                throw new IllegalStateException("The consumer handled nothing " + DRAIN_TIMEOUT + " after it started");
            }
        }

        /** Marks the start of an iteration (the queue is empty then). */
        void startIteration() {
            handledBefore = handled.get();
        }

        /**
         * Waits until the consumer has handled {@code sent} messages since {@link #startIteration}, so the queue is
         * empty when the next iteration starts and the count covers the same messages as {@code sent}. Should the
         * consumer not get there within {@code DRAIN_TIMEOUT}, gives up: the caller then clears the queue, and the
         * count returned shows the shortfall.
         *
         * @return how many messages the consumer handled in this iteration
         * @throws IllegalStateException if the consumer reported a failure
         */
        long awaitHandled(long sent) {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (handled.get() - handledBefore < sent && System.nanoTime() - deadline < 0) {
                checkNoFailure();
                LockSupport.parkNanos(100_000);
            }
            checkNoFailure();
            return handled.get() - handledBefore;
        }

        private void checkNoFailure() {
            Throwable error = failure.get();
            if (error != null) {
                throw new IllegalStateException("The consumer failed: " + error, error);
            }
        }

        @Override
        public String toString() {
            return "Sink[handled=" + handled.get() + ", last=" + last + "]";
        }
    }

    /*
     * Each pipeline below is one framework's queue and running consumer, owned by one JMH thread, with that
     * thread's counters, which JMH reports as rates beside the score: sent (successful sends, the score to
     * compare) and handled (messages the consumer handled in the iteration; equal to sent). JMH only sees
     * counters declared in the @AuxCounters class itself, not inherited ones, hence no common base class.
     */

    /** Junction: a queue channel and a polling consumer on a one-thread scheduler. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class JunctionPipeline {
        public long sent;
        public long handled;
        final Sink sink = new Sink();
        QueueChannel channel;
        SimpleTaskScheduler scheduler;
        PollingConsumer consumer;
        Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new QueueChannel("junction-polled", CAPACITY);
            scheduler = new SimpleTaskScheduler(1);
            consumer = new PollingConsumer("junction-polling-consumer", channel,
                    received -> sink.accept(received.getPayload()),
                    PollerSpec.fixedDelay(Duration.ofMillis(POLL_INTERVAL_MILLIS))
                            .maxMessagesPerPoll(-1)
                            .receiveTimeout(Duration.ofMillis(RECEIVE_TIMEOUT_MILLIS))
                            .build(),
                    scheduler, sink::failed, true);
            consumer.start();
            message = Message.of(PAYLOAD);
            channel.send(message);
            sink.awaitStarted();
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            sent = 0;
            handled = 0;
            sink.startIteration();
        }

        @TearDown(Level.Iteration)
        public void awaitDrained() {
            handled = sink.awaitHandled(sent);
            channel.clear(); // nothing left, unless the consumer fell behind
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            consumer.stop();
            scheduler.close();
        }
    }

    /** Spring Integration: a queue channel and a polling consumer on a one-thread task scheduler. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class SpringPipeline {
        public long sent;
        public long handled;
        final Sink sink = new Sink();
        org.springframework.integration.channel.QueueChannel channel;
        ThreadPoolTaskScheduler scheduler;
        org.springframework.integration.endpoint.PollingConsumer consumer;
        org.springframework.messaging.Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new org.springframework.integration.channel.QueueChannel(CAPACITY);
            channel.setBeanName("spring-polled");
            channel.afterPropertiesSet();
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("spring-scheduler-");
            scheduler.setDaemon(true);
            scheduler.initialize();
            consumer = new org.springframework.integration.endpoint.PollingConsumer(channel,
                    received -> sink.accept(received.getPayload()));
            consumer.setBeanName("spring-polling-consumer");
            consumer.setTaskScheduler(scheduler);
            consumer.setTrigger(new PeriodicTrigger(Duration.ofMillis(POLL_INTERVAL_MILLIS)));
            consumer.setMaxMessagesPerPoll(-1);
            consumer.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
            consumer.setErrorHandler(sink::failed);
            consumer.afterPropertiesSet();
            consumer.start();
            message = new GenericMessage<>(PAYLOAD);
            channel.send(message);
            sink.awaitStarted();
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            sent = 0;
            handled = 0;
            sink.startIteration();
        }

        @TearDown(Level.Iteration)
        public void awaitDrained() {
            handled = sink.awaitHandled(sent);
            channel.clear(); // nothing left, unless the consumer fell behind
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            consumer.stop();
            scheduler.shutdown();
        }
    }

    /** Camel: a started context with one route that consumes a bounded seda endpoint. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class CamelPipeline {
        public long sent;
        public long handled;
        final Sink sink = new Sink();
        static final String URI = "seda:polled?size=" + CAPACITY + "&blockWhenFull=true&offerTimeout="
                + SEND_TIMEOUT_MILLIS;

        CamelContext context;
        SedaEndpoint endpoint;
        ProducerTemplate producer;
        final Processor fill = exchange -> exchange.getIn().setBody(PAYLOAD);

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            context = new DefaultCamelContext();
            endpoint = context.getEndpoint(URI, SedaEndpoint.class);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoint).routeId("camel-polling-consumer")
                            .process(exchange -> sink.accept(exchange.getIn().getBody()));
                }
            });
            context.start();
            producer = context.createProducerTemplate();
            producer.send(endpoint, fill);
            sink.awaitStarted();
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            sent = 0;
            handled = 0;
            sink.startIteration();
        }

        @TearDown(Level.Iteration)
        public void awaitDrained() {
            handled = sink.awaitHandled(sent);
            endpoint.purgeQueue(); // nothing left, unless the consumer fell behind
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            producer.stop();
            context.stop();
        }
    }

    /** The control: a bare thread draining a bare JDK queue. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class JdkPipeline {
        public long sent;
        public long handled;
        final Sink sink = new Sink();
        BlockingQueue<Object> queue;
        Thread consumer;
        volatile boolean running;

        @Setup(Level.Trial)
        public void setUp() {
            queue = new LinkedBlockingQueue<>(CAPACITY);
            running = true;
            consumer = new Thread(this::drain, "jdk-polling-consumer");
            consumer.setDaemon(true);
            consumer.start();
            queue.add(PAYLOAD);
            sink.awaitStarted();
        }

        private void drain() {
            try {
                while (running) {
                    Object payload = queue.poll(RECEIVE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    if (payload != null) {
                        sink.accept(payload);
                    }
                }
            } catch (InterruptedException stopped) {
                // the trial's tear-down interrupts the wait: done
            } catch (RuntimeException | Error failure) {
                sink.failed(failure);
            }
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            sent = 0;
            handled = 0;
            sink.startIteration();
        }

        @TearDown(Level.Iteration)
        public void awaitDrained() {
            handled = sink.awaitHandled(sent);
            queue.clear(); // nothing left, unless the consumer fell behind
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            running = false;
            consumer.interrupt();
            consumer.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    @Benchmark
    public boolean junction(JunctionPipeline pipeline) {
        boolean sent = pipeline.channel.send(pipeline.message, SEND_TIMEOUT);
        if (sent) {
            pipeline.sent++;
        }
        return sent;
    }

    @Benchmark
    public boolean spring(SpringPipeline pipeline) {
        boolean sent = pipeline.channel.send(pipeline.message, SEND_TIMEOUT_MILLIS);
        if (sent) {
            pipeline.sent++;
        }
        return sent;
    }

    @Benchmark
    public boolean camel(CamelPipeline pipeline) {
        // send(endpoint, processor) reports a full queue's time-out on the exchange instead of throwing it
        Exchange exchange = pipeline.producer.send(pipeline.endpoint, pipeline.fill);
        boolean sent = exchange.getException() == null;
        if (sent) {
            pipeline.sent++;
        }
        return sent;
    }

    @Benchmark
    public boolean jdkThread(JdkPipeline pipeline) throws InterruptedException {
        boolean sent = pipeline.queue.offer(PAYLOAD, SEND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (sent) {
            pipeline.sent++;
        }
        return sent;
    }
}
