package dev.junction.benchmarks;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Poller;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.MessageBuilder;
import dev.junction.benchmarks.PollingConsumerBenchmark.JdkPipeline;
import dev.junction.benchmarks.PollingConsumerBenchmark.Sink;
import dev.junction.cdi.JunctionExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.MessageHandler;

/**
 * The queue hand-off as applications write it: the JMH thread sends a new message per operation into a bounded
 * queue of {@value PollingConsumerBenchmark#CAPACITY} messages, and the framework's polling consumer, on its own
 * thread, hands each one to a service-activator method. Read it like {@link PollingConsumerBenchmark}: the score is
 * each benchmark's {@code sent} counter, and {@code handled} proves every message went through the consumer.
 *
 * <ul>
 *   <li>{@link #junctionCdi}: a Weld SE container with Junction's extension; the queue is an
 *       {@code @Produces @ApplicationScoped @Channel("cdiQueue") PollableChannel}, consumed by an
 *       {@code @ServiceActivator} method with {@code @Poller(fixedDelay = 1, maxMessagesPerPoll = -1,
 *       receiveTimeout = 1000)} of an {@code @ApplicationScoped} bean; the sender injects the channel and sends
 *       {@code MessageBuilder.withPayload(p).build()} with a 100 ms timeout.</li>
 *   <li>{@link #spring}: an {@code @EnableIntegration} context with a {@code QueueChannel} bean and an
 *       {@code @ServiceActivator} {@code MessageHandler} bean whose {@code @Poller} has the same settings, on the
 *       context's default task scheduler; Spring's {@code MessageBuilder} per send.</li>
 *   <li>{@link #camel}: {@code from("seda:…").bean(handler, "handle")}, the seda endpoint's consumer thread.</li>
 *   <li>{@link #jdkThread}: the floor, {@link PollingConsumerBenchmark#jdkThread}'s two threads around a bare
 *       {@code LinkedBlockingQueue}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CdiPollingConsumerBenchmark {

    static final String PAYLOAD = PollingConsumerBenchmark.PAYLOAD;
    static final int CAPACITY = PollingConsumerBenchmark.CAPACITY;
    static final long SEND_TIMEOUT_MILLIS = PollingConsumerBenchmark.SEND_TIMEOUT_MILLIS;

    /** The application's queue channel. */
    @Dependent
    public static class CdiChannels {
        @Produces
        @ApplicationScoped
        @Channel("cdiQueue")
        PollableChannel queue() {
            return MessageChannels.queue("cdiQueue", CAPACITY);
        }
    }

    /** The application's consumer: an endpoint method of an application-scoped bean, polled. */
    @ApplicationScoped
    public static class CdiConsumer {
        private final Sink sink = new Sink();

        @ServiceActivator(inputChannel = "cdiQueue")
        @Poller(fixedDelay = 1, maxMessagesPerPoll = -1, receiveTimeout = 1000)
        public void handle(String payload) {
            sink.accept(payload);
        }

        public Sink sink() {
            return sink;
        }
    }

    /** The application's sender. */
    @Dependent
    public static class CdiSender {
        @Inject
        @Channel("cdiQueue")
        PollableChannel queue;
    }

    /** Junction in a Weld SE container. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class CdiPipeline {
        public long sent;
        public long handled;
        WeldContainer container;
        PollableChannel queue;
        Sink sink;

        @Setup(Level.Trial)
        public void setUp() {
            container = new Weld("cdi-polling-benchmark-" + Thread.currentThread().getId())
                    .disableDiscovery()
                    .addExtension(new JunctionExtension())
                    .addBeanClasses(CdiChannels.class, CdiConsumer.class, CdiSender.class)
                    .initialize();
            queue = container.select(CdiSender.class).get().queue;
            sink = container.select(CdiConsumer.class).get().sink();
            queue.send(MessageBuilder.withPayload(PAYLOAD).build());
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
            while (queue.receive(Duration.ZERO) != null) {
                // nothing left, unless the consumer fell behind (the injected channel is a client proxy: no clear())
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            container.close();
        }
    }

    /** Spring Integration's flow, as beans of an application context with {@code @EnableIntegration}. */
    @Configuration(proxyBeanMethods = false)
    @EnableIntegration
    public static class SpringFlow {
        @Bean
        public Sink springSink() {
            return new Sink();
        }

        @Bean
        public org.springframework.integration.channel.QueueChannel springQueue() {
            return new org.springframework.integration.channel.QueueChannel(CAPACITY);
        }

        @Bean
        @org.springframework.integration.annotation.ServiceActivator(inputChannel = "springQueue",
                poller = @org.springframework.integration.annotation.Poller(fixedDelay = "1",
                        maxMessagesPerPoll = "-1", receiveTimeout = "1000"))
        public MessageHandler springConsumer(Sink springSink) {
            return message -> springSink.accept(message.getPayload());
        }
    }

    /** Spring Integration in a refreshed application context. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class SpringPipeline {
        public long sent;
        public long handled;
        AnnotationConfigApplicationContext context;
        org.springframework.integration.channel.QueueChannel queue;
        Sink sink;

        @Setup(Level.Trial)
        public void setUp() {
            context = new AnnotationConfigApplicationContext(SpringFlow.class);
            queue = context.getBean("springQueue", org.springframework.integration.channel.QueueChannel.class);
            sink = context.getBean(Sink.class);
            queue.send(CdiDirectSendBenchmark.springMessage());
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
            queue.clear(); // nothing left, unless the consumer fell behind
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
        }
    }

    /** Camel's handler object. */
    public static class CamelHandler {
        final Sink sink = new Sink();

        public void handle(String payload) {
            sink.accept(payload);
        }
    }

    /** Camel: a seda route to a bean. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class CamelPipeline {
        public long sent;
        public long handled;
        static final String URI = "seda:cdiBenchPolled?size=" + CAPACITY + "&blockWhenFull=true&offerTimeout="
                + SEND_TIMEOUT_MILLIS;
        final CamelHandler handler = new CamelHandler();
        final Processor fill = exchange -> exchange.getIn().setBody(PAYLOAD);
        CamelContext context;
        SedaEndpoint endpoint;
        ProducerTemplate template;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            context = new DefaultCamelContext();
            endpoint = context.getEndpoint(URI, SedaEndpoint.class);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoint).bean(handler, "handle");
                }
            });
            context.start();
            template = context.createProducerTemplate();
            template.sendBody(endpoint, PAYLOAD);
            handler.sink.awaitStarted();
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            sent = 0;
            handled = 0;
            handler.sink.startIteration();
        }

        @TearDown(Level.Iteration)
        public void awaitDrained() {
            handled = handler.sink.awaitHandled(sent);
            endpoint.purgeQueue(); // nothing left, unless the consumer fell behind
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            template.stop();
            context.stop();
        }
    }

    @Benchmark
    public boolean junctionCdi(CdiPipeline pipeline) {
        boolean sent = pipeline.queue.send(MessageBuilder.withPayload(PAYLOAD).build(),
                PollingConsumerBenchmark.SEND_TIMEOUT);
        if (sent) {
            pipeline.sent++;
        }
        return sent;
    }

    @Benchmark
    public boolean spring(SpringPipeline pipeline) {
        boolean sent = pipeline.queue.send(CdiDirectSendBenchmark.springMessage(), SEND_TIMEOUT_MILLIS);
        if (sent) {
            pipeline.sent++;
        }
        return sent;
    }

    @Benchmark
    public boolean camel(CamelPipeline pipeline) {
        // send(endpoint, processor) reports a full queue's time-out on the exchange instead of throwing it
        Exchange exchange = pipeline.template.send(pipeline.endpoint, pipeline.fill);
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
