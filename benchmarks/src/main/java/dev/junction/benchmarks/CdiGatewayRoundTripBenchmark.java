package dev.junction.benchmarks;

import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.benchmarks.GatewayRoundTripBenchmark.CamelRequest;
import dev.junction.benchmarks.GatewayRoundTripBenchmark.JunctionGateway;
import dev.junction.benchmarks.GatewayRoundTripBenchmark.SpringGateway;
import dev.junction.cdi.JunctionExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
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

/**
 * The gateway round trip of {@link GatewayRoundTripBenchmark} as a CDI application writes it: a
 * {@code @MessagingGateway} interface injected with {@code @Inject} into a bean, a {@code @ServiceActivator} method
 * on an {@code @ApplicationScoped} bean, all wired by Junction's CDI extension in a Weld SE container. Side by side,
 * in the same run:
 * <ul>
 *   <li>{@link #cdiInjected}: the injected gateway of a {@code @Dependent} gateway interface (the default scope),
 *       which is Junction's proxy itself; the service activator is invoked on the bean's client proxy;</li>
 *   <li>{@link #cdiInjectedApplicationScoped}: the same through an {@code @ApplicationScoped} gateway interface,
 *       whose injected reference is Weld's client proxy in front of Junction's;</li>
 *   <li>{@link #plainJava}: the plain-Java gateway and handler of {@link GatewayRoundTripBenchmark#junction};</li>
 *   <li>{@link #spring}: Spring Integration's gateway of {@link GatewayRoundTripBenchmark#spring};</li>
 *   <li>{@link #camel}: Camel's request-reply of {@link GatewayRoundTripBenchmark#camel}.</li>
 * </ul>
 * Everything runs in the caller's thread; the score is round trips per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CdiGatewayRoundTripBenchmark {

    /** The gateway interface, in the default scope. */
    @MessagingGateway(defaultRequestChannel = "cdiRequests")
    public interface CdiEcho {
        String echo(String s);
    }

    /** The same gateway in the application scope: injected as a client proxy. */
    @ApplicationScoped
    @MessagingGateway(defaultRequestChannel = "cdiRequests")
    public interface ScopedCdiEcho {
        String echo(String s);
    }

    /** The service, a normal-scoped bean: the endpoint calls its contextual reference. */
    @ApplicationScoped
    public static class EchoEndpoint {
        @ServiceActivator(inputChannel = "cdiRequests")
        public String echo(String s) {
            return s;
        }
    }

    /** Application code holding the injected gateways, as a resource or servlet would. */
    @Dependent
    public static class Caller {
        @Inject
        CdiEcho echo;
        @Inject
        ScopedCdiEcho scopedEcho;
    }

    /** A Weld SE container running Junction's extension over the beans above. */
    @State(Scope.Thread)
    public static class CdiApplication {
        WeldContainer container;
        Caller caller;

        @Setup(Level.Trial)
        public void setUp() {
            container = new Weld("cdi-gateway-benchmark-" + Thread.currentThread().getId())
                    .disableDiscovery()
                    .addExtension(new JunctionExtension())
                    .addBeanClasses(CdiEcho.class, ScopedCdiEcho.class, EchoEndpoint.class, Caller.class)
                    .initialize();
            caller = container.select(Caller.class).get();
            GatewayRoundTripBenchmark.checked(caller.echo.echo(GatewayRoundTripBenchmark.PAYLOAD), "Junction CDI");
            GatewayRoundTripBenchmark.checked(caller.scopedEcho.echo(GatewayRoundTripBenchmark.PAYLOAD),
                    "Junction CDI, application-scoped gateway");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            container.close();
        }
    }

    @Benchmark
    public String cdiInjected(CdiApplication state) {
        return state.caller.echo.echo(GatewayRoundTripBenchmark.PAYLOAD);
    }

    @Benchmark
    public String cdiInjectedApplicationScoped(CdiApplication state) {
        return state.caller.scopedEcho.echo(GatewayRoundTripBenchmark.PAYLOAD);
    }

    @Benchmark
    public String plainJava(JunctionGateway state) {
        return state.gateway.echo(GatewayRoundTripBenchmark.PAYLOAD);
    }

    @Benchmark
    public String spring(SpringGateway state) {
        return state.gateway.echo(GatewayRoundTripBenchmark.PAYLOAD);
    }

    @Benchmark
    public String camel(CamelRequest state) {
        return state.template.requestBody(state.endpoint, GatewayRoundTripBenchmark.PAYLOAD, String.class);
    }
}
