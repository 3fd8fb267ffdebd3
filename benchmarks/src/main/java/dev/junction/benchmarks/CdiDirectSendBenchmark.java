package dev.junction.benchmarks;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.MessageBuilder;
import dev.junction.cdi.JunctionExtension;
import dev.junction.impl.channel.DirectChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
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
 * A direct send to a service-activator method, each framework wired the way its users write it, a new message
 * built for every send. The handler keeps the payload, so nothing is optimised away. One operation is one complete
 * send, message building and handler included; all run in the caller's thread.
 *
 * <ul>
 *   <li>{@link #junctionCdi}: a Weld SE container with Junction's extension; the sender injects
 *       {@code @Channel("cdiDirect") MessageChannel} (the direct channel the extension makes) and sends
 *       {@code MessageBuilder.withPayload(p).build()}; the handler is an {@code @ServiceActivator} method of an
 *       {@code @ApplicationScoped} bean.</li>
 *   <li>{@link #junctionPlain}: the control without a container: a Junction {@code DirectChannel} with a lambda
 *       handler, the same message building.</li>
 *   <li>{@link #springHandlerBean}: a Spring Integration {@code @EnableIntegration} context with a
 *       {@code DirectChannel} bean and an {@code @ServiceActivator} {@code MessageHandler} bean; Spring's
 *       {@code MessageBuilder.withPayload(p).build()} per send.</li>
 *   <li>{@link #springPojo}: the same context with an {@code @ServiceActivator} method of a plain bean (Spring's
 *       counterpart of the CDI bean method).</li>
 *   <li>{@link #camel}: Camel's {@code ProducerTemplate.sendBody} to {@code from("direct:…").bean(handler,
 *       "handle")}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CdiDirectSendBenchmark {

    static final String PAYLOAD = "payload";

    /** The application's handler: an endpoint method of an application-scoped bean. */
    @ApplicationScoped
    public static class CdiHandler {
        private Object last;

        @ServiceActivator(inputChannel = "cdiDirect")
        public void handle(String payload) {
            last = payload;
        }

        public Object last() {
            return last;
        }
    }

    /** The application's sender, holding the channel as an injection point. */
    @Dependent
    public static class CdiSender {
        @Inject
        @Channel("cdiDirect")
        MessageChannel channel;
    }

    /** A Weld SE container running Junction's extension over the two beans above. */
    @State(Scope.Benchmark)
    public static class CdiApplication {
        WeldContainer container;
        MessageChannel channel;

        @Setup(Level.Trial)
        public void setUp() {
            container = new Weld("cdi-direct-benchmark")
                    .disableDiscovery()
                    .addExtension(new JunctionExtension())
                    .addBeanClasses(CdiHandler.class, CdiSender.class)
                    .initialize();
            channel = container.select(CdiSender.class).get().channel;
            channel.send(MessageBuilder.withPayload(PAYLOAD).build());
            checkReceived(container.select(CdiHandler.class).get().last(), "Junction CDI");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            container.close();
        }
    }

    /** Junction without a container: a direct channel and a lambda handler. */
    @State(Scope.Benchmark)
    public static class PlainJunction {
        DirectChannel channel;
        Object last;

        @Setup(Level.Trial)
        public void setUp() {
            channel = new DirectChannel("plainDirect");
            channel.subscribe(message -> last = message.getPayload());
            channel.send(MessageBuilder.withPayload(PAYLOAD).build());
            checkReceived(last, "Junction");
        }
    }

    /** Spring's handler object for the {@code @ServiceActivator} method variant. */
    public static class SpringPojoHandler {
        Object last;

        @org.springframework.integration.annotation.ServiceActivator(inputChannel = "springPojoDirect")
        public void handle(String payload) {
            last = payload;
        }
    }

    /** Spring Integration's flows, as beans of an application context with {@code @EnableIntegration}. */
    @Configuration(proxyBeanMethods = false)
    @EnableIntegration
    public static class SpringFlows {
        static final class Holder {
            Object last;
        }

        @Bean
        public Holder holder() {
            return new Holder();
        }

        @Bean
        public org.springframework.integration.channel.DirectChannel springDirect() {
            return new org.springframework.integration.channel.DirectChannel();
        }

        @Bean
        @org.springframework.integration.annotation.ServiceActivator(inputChannel = "springDirect")
        public MessageHandler springHandler(Holder holder) {
            return message -> holder.last = message.getPayload();
        }

        @Bean
        public org.springframework.integration.channel.DirectChannel springPojoDirect() {
            return new org.springframework.integration.channel.DirectChannel();
        }

        @Bean
        public SpringPojoHandler springPojoHandler() {
            return new SpringPojoHandler();
        }
    }

    /** A refreshed Spring application context holding {@link SpringFlows}. */
    @State(Scope.Benchmark)
    public static class SpringApplication {
        AnnotationConfigApplicationContext context;
        org.springframework.messaging.MessageChannel handlerBeanChannel;
        org.springframework.messaging.MessageChannel pojoChannel;

        @Setup(Level.Trial)
        public void setUp() {
            context = new AnnotationConfigApplicationContext(SpringFlows.class);
            handlerBeanChannel = context.getBean("springDirect", org.springframework.messaging.MessageChannel.class);
            pojoChannel = context.getBean("springPojoDirect", org.springframework.messaging.MessageChannel.class);
            handlerBeanChannel.send(springMessage());
            checkReceived(context.getBean(SpringFlows.Holder.class).last, "Spring Integration, handler bean");
            pojoChannel.send(springMessage());
            checkReceived(context.getBean(SpringPojoHandler.class).last, "Spring Integration, bean method");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
        }
    }

    /** Camel's handler object. */
    public static class CamelHandler {
        Object last;

        public void handle(String payload) {
            last = payload;
        }
    }

    /** A started Camel context with one route, {@code direct:cdiBench} to a bean's method. */
    @State(Scope.Benchmark)
    public static class CamelApplication {
        final CamelHandler handler = new CamelHandler();
        CamelContext context;
        ProducerTemplate template;
        Endpoint endpoint;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cdiBench").bean(handler, "handle");
                }
            });
            context.start();
            endpoint = context.getEndpoint("direct:cdiBench");
            template = context.createProducerTemplate();
            template.sendBody(endpoint, PAYLOAD);
            checkReceived(handler.last, "Camel");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            template.stop();
            context.stop();
        }
    }

    static void checkReceived(Object received, String framework) {
        if (!PAYLOAD.equals(received)) {
            throw new IllegalStateException(framework + "'s handler received " + received + " instead of " + PAYLOAD);
        }
    }

    static org.springframework.messaging.Message<String> springMessage() {
        return org.springframework.integration.support.MessageBuilder.withPayload(PAYLOAD).build();
    }

    @Benchmark
    public boolean junctionCdi(CdiApplication state) {
        return state.channel.send(MessageBuilder.withPayload(PAYLOAD).build());
    }

    @Benchmark
    public boolean junctionPlain(PlainJunction state) {
        return state.channel.send(MessageBuilder.withPayload(PAYLOAD).build());
    }

    @Benchmark
    public boolean springHandlerBean(SpringApplication state) {
        return state.handlerBeanChannel.send(springMessage());
    }

    @Benchmark
    public boolean springPojo(SpringApplication state) {
        return state.pojoChannel.send(springMessage());
    }

    @Benchmark
    public void camel(CamelApplication state) {
        state.template.sendBody(state.endpoint, PAYLOAD);
    }
}
