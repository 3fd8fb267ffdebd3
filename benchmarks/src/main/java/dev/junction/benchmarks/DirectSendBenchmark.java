package dev.junction.benchmarks;

import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.impl.channel.DirectChannel;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.messaging.support.GenericMessage;

/**
 * One send to a direct (same-thread, point-to-point) channel with one subscribed handler, which hands the
 * payload to JMH's {@link Blackhole}. The score is completed sends per second, handler included.
 *
 * <ul>
 *   <li>{@link #junction}: Junction's {@link DirectChannel} and a pre-built {@link Message}.</li>
 *   <li>{@link #spring}: Spring Integration's {@code DirectChannel} and a pre-built
 *       {@code org.springframework.messaging.support.GenericMessage}.</li>
 *   <li>{@link #camel}: Camel's {@code ProducerTemplate.sendBody(endpoint, body)} to
 *       {@code from("direct:sink").process(...)}. Camel has no reusable immutable message: every send builds
 *       an {@code Exchange}, which is part of what a Camel send costs. The endpoint is resolved once in the
 *       set-up, as a tuned Camel application would do, so no URI lookup is measured.</li>
 *   <li>{@link #junctionNewMessage} and {@link #springNewMessage}: the same two channels, but each send builds
 *       its message first ({@code Message.of(payload)}, {@code new GenericMessage<>(payload)}: a new id and
 *       timestamp each), which is what an application sending fresh data does and what Camel's
 *       {@code sendBody} always does.</li>
 *   <li>{@link #junctionCounted}: {@link #junction} with the channel's send statistics on
 *       ({@code enableStatistics()}): what counting every send costs; with them off (the default,
 *       {@link #junction}) the send path reads one more field.</li>
 *   <li>{@link #noChannel}: the control, no channel at all: the same kind of handler called directly with the
 *       pre-built Junction message. No channel can be faster; the gap to it is what a channel costs.</li>
 * </ul>
 *
 * <p>Every state is per thread, so {@code -t N} measures N independent senders, each on its own channel.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DirectSendBenchmark {

    static final String PAYLOAD = "payload";

    /**
     * Holds the Blackhole the handlers feed. JMH hands the measuring thread's Blackhole to each iteration's
     * set-up; the handlers read this field on every call, so they always feed the current one.
     */
    public abstract static class Sink {
        Blackhole blackhole;

        @Setup(Level.Iteration)
        public void bindBlackhole(Blackhole blackhole) {
            this.blackhole = blackhole;
        }
    }

    /** A Junction direct channel with one handler. */
    @State(Scope.Thread)
    public static class JunctionDirect extends Sink {
        DirectChannel channel;
        Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new DirectChannel("junction-direct");
            channel.subscribe(received -> blackhole.consume(received.getPayload()));
            message = Message.of(PAYLOAD);
        }
    }

    /** A Junction direct channel with one handler, counting its sends. */
    @State(Scope.Thread)
    public static class JunctionCountedDirect extends Sink {
        DirectChannel channel;
        Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new DirectChannel("junction-counted");
            channel.subscribe(received -> blackhole.consume(received.getPayload()));
            channel.enableStatistics();
            message = Message.of(PAYLOAD);
        }
    }

    /** A handler on its own, for the no-channel control. */
    @State(Scope.Thread)
    public static class BareHandler extends Sink {
        MessageHandler handler;
        Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            handler = received -> blackhole.consume(received.getPayload());
            message = Message.of(PAYLOAD);
        }
    }

    /** A Spring Integration direct channel with one handler, used as a plain object (no application context). */
    @State(Scope.Thread)
    public static class SpringDirect extends Sink {
        org.springframework.integration.channel.DirectChannel channel;
        org.springframework.messaging.Message<String> message;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new org.springframework.integration.channel.DirectChannel();
            channel.setBeanName("spring-direct");
            channel.afterPropertiesSet();
            channel.subscribe(received -> blackhole.consume(received.getPayload()));
            message = new GenericMessage<>(PAYLOAD);
        }
    }

    /** A started Camel context with one route, {@code direct:sink} to a processor. */
    @State(Scope.Thread)
    public static class CamelDirect extends Sink {
        CamelContext context;
        ProducerTemplate template;
        Endpoint endpoint;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sink").process(exchange -> blackhole.consume(exchange.getMessage().getBody()));
                }
            });
            context.start();
            endpoint = context.getEndpoint("direct:sink");
            template = context.createProducerTemplate();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            template.stop();
            context.stop();
        }
    }

    @Benchmark
    public boolean junction(JunctionDirect state) {
        return state.channel.send(state.message);
    }

    /** Like {@link #junction}, with the channel counting its sends. */
    @Benchmark
    public boolean junctionCounted(JunctionCountedDirect state) {
        return state.channel.send(state.message);
    }

    @Benchmark
    public boolean spring(SpringDirect state) {
        return state.channel.send(state.message);
    }

    /** Like {@link #junction}, but builds the message (id, timestamp) on every send, as Camel must. */
    @Benchmark
    public boolean junctionNewMessage(JunctionDirect state) {
        return state.channel.send(Message.of(PAYLOAD));
    }

    /** Like {@link #spring}, but builds the message (id, timestamp) on every send, as Camel must. */
    @Benchmark
    public boolean springNewMessage(SpringDirect state) {
        return state.channel.send(new GenericMessage<>(PAYLOAD));
    }

    @Benchmark
    public void camel(CamelDirect state) {
        state.template.sendBody(state.endpoint, PAYLOAD);
    }

    @Benchmark
    public void noChannel(BareHandler state) {
        state.handler.handleMessage(state.message);
    }
}
