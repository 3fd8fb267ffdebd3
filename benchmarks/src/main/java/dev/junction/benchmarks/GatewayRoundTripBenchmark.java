package dev.junction.benchmarks;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.gateway.GatewayProxyFactory;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.support.Handlers;
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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.gateway.GatewayProxyFactoryBean;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;

/**
 * One request-reply round trip through a messaging gateway: the caller invokes a plain Java method, the framework
 * turns the argument into a request, sends it through a direct channel (or endpoint) to a service activator
 * that calls {@link EchoService#echo(String)}, and hands the reply back as the method's return value. Everything
 * runs in the caller's thread. The score is completed round trips per second; the returned string goes to JMH's
 * blackhole (it is the benchmark method's return value).
 *
 * <ul>
 *   <li>{@link #junction}: a proxy of {@link Echo} (annotated {@code @MessagingGateway}) created by Junction's
 *       {@link GatewayProxyFactory}; its request channel is a {@link DirectChannel} found in a
 *       {@link ChannelRegistry}, subscribed by a Junction service activator, which sends its reply to the
 *       request's {@code replyChannel} header (the gateway's temporary reply channel).</li>
 *   <li>{@link #junctionFlow}: the same, declared as an application does: {@code Junction.create()}, a flow
 *       {@code flow("requests").handle(new EchoService())} and the runtime's gateway.</li>
 *   <li>{@link #spring}: a proxy of {@link SpringEcho} made by Spring Integration's
 *       {@link GatewayProxyFactoryBean}, request channel a Spring Integration {@code DirectChannel}, subscribed by
 *       Spring Integration's {@code ServiceActivatingHandler(new EchoService(), "echo")}. All three are beans of
 *       an {@link AnnotationConfigApplicationContext} with {@link EnableIntegration @EnableIntegration}, which is
 *       how an application sets a gateway up: the gateway and the handler get the integration infrastructure
 *       (conversion service, message builder factory, bean factory) they expect.</li>
 *   <li>{@link #camel}: Camel's {@code ProducerTemplate.requestBody(endpoint, payload, String.class)} to the route
 *       {@code from("direct:echo").process(...)}, whose processor sets the body to
 *       {@code EchoService.echo(body)}; the endpoint is resolved once in the set-up.</li>
 * </ul>
 *
 * <p>Each set-up makes one call and checks that the reply is the payload, so a broken flow fails before any
 * measurement. Every state is per thread, so {@code -t N} measures N independent callers, each with its own
 * gateway and flow.
 *
 * <p>The warm-up is longer than in the other scenarios: Spring Integration's gateway needs about 6 s before it
 * reaches its steady state (about 10 times slower in the first second, still 2 to 3 times slower after 4 s), so
 * a shorter warm-up measures its warming up, not its round trip.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GatewayRoundTripBenchmark {

    static final String PAYLOAD = "payload";

    /** The service every flow calls: returns its argument. One public method, so no method name is needed. */
    public static class EchoService {
        public String echo(String s) {
            return s;
        }
    }

    /** Junction's gateway interface. */
    @MessagingGateway(defaultRequestChannel = "requests")
    public interface Echo {
        String echo(String s);
    }

    /** Spring Integration's gateway interface (configured on the factory bean, not by annotations). */
    public interface SpringEcho {
        String echo(String s);
    }

    static <T> T checked(T reply, String framework) {
        if (!PAYLOAD.equals(reply)) {
            throw new IllegalStateException(framework + " echoed " + reply + " instead of " + PAYLOAD);
        }
        return reply;
    }

    /** A Junction gateway, a direct request channel and an echoing service activator. */
    @State(Scope.Thread)
    public static class JunctionGateway {
        Echo gateway;

        @Setup(Level.Trial)
        public void setUp() {
            ChannelRegistry channels = new ChannelRegistry();
            DirectChannel requests = channels.register(new DirectChannel("requests"));
            requests.subscribe(Handlers.standard()
                    .serviceActivator(new EchoService(), null, ReplyProducerSettings.named("echo")));
            gateway = GatewayProxyFactory.builder(Echo.class).channelResolver(channels).create();
            checked(gateway.echo(PAYLOAD), "Junction");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            GatewayProxyFactory.close(gateway);
        }
    }

    /**
     * The same round trip declared the way an application does: a runtime, a flow whose one step is the service
     * activator, and the runtime's gateway (the runtime's default async executor and drain bookkeeping included).
     */
    @State(Scope.Thread)
    public static class JunctionFlowGateway {
        Junction junction;
        Echo gateway;

        @Setup(Level.Trial)
        public void setUp() {
            junction = Junction.create();
            junction.flow("requests").handle(new EchoService());
            gateway = junction.gateway(Echo.class);
            junction.start();
            checked(gateway.echo(PAYLOAD), "Junction flow");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            junction.close();
        }
    }

    /** The Spring Integration flow, as beans of an application context with {@code @EnableIntegration}. */
    @Configuration(proxyBeanMethods = false)
    @EnableIntegration
    public static class SpringFlow {

        @Bean
        public org.springframework.integration.channel.DirectChannel requests() {
            return new org.springframework.integration.channel.DirectChannel();
        }

        @Bean
        @ServiceActivator(inputChannel = "requests")
        public MessageHandler echoActivator() {
            return new org.springframework.integration.handler.ServiceActivatingHandler(new EchoService(), "echo");
        }

        @Bean
        public GatewayProxyFactoryBean<SpringEcho> echoGateway(MessageChannel requests) {
            GatewayProxyFactoryBean<SpringEcho> factory = new GatewayProxyFactoryBean<>(SpringEcho.class);
            factory.setDefaultRequestChannel(requests);
            return factory;
        }
    }

    /** A refreshed Spring application context holding {@link SpringFlow}, and its gateway. */
    @State(Scope.Thread)
    public static class SpringGateway {
        AnnotationConfigApplicationContext context;
        SpringEcho gateway;

        @Setup(Level.Trial)
        public void setUp() {
            context = new AnnotationConfigApplicationContext(SpringFlow.class);
            gateway = context.getBean(SpringEcho.class);
            checked(gateway.echo(PAYLOAD), "Spring Integration");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
        }
    }

    /** A started Camel context with one route, {@code direct:echo} to a processor calling the echo service. */
    @State(Scope.Thread)
    public static class CamelRequest {
        CamelContext context;
        ProducerTemplate template;
        Endpoint endpoint;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            EchoService service = new EchoService();
            context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:echo").process(exchange ->
                            exchange.getMessage().setBody(service.echo(exchange.getMessage().getBody(String.class))));
                }
            });
            context.start();
            endpoint = context.getEndpoint("direct:echo");
            template = context.createProducerTemplate();
            checked(template.requestBody(endpoint, PAYLOAD, String.class), "Camel");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            template.stop();
            context.stop();
        }
    }

    @Benchmark
    public String junction(JunctionGateway state) {
        return state.gateway.echo(PAYLOAD);
    }

    @Benchmark
    public String junctionFlow(JunctionFlowGateway state) {
        return state.gateway.echo(PAYLOAD);
    }

    @Benchmark
    public String spring(SpringGateway state) {
        return state.gateway.echo(PAYLOAD);
    }

    @Benchmark
    public String camel(CamelRequest state) {
        return state.template.requestBody(state.endpoint, PAYLOAD, String.class);
    }
}
