package dev.junction.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerOpenException;
import dev.junction.api.advice.CircuitBreakerState.Phase;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.tck.support.BeanDiscovery;
import dev.junction.tck.support.Deployments;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Advice chains on endpoint methods: {@code @Named} advice beans named in {@code adviceChain}, applied outermost first
 * around the bean method only (not the endpoint after it), beside a CDI interceptor binding on the same method.
 */
@ExtendWith(ArquillianExtension.class)
class AdviceChainTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war(AdviceChainTest.class, BeanDiscovery.ANNOTATED);
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Counted {
    }

    @ApplicationScoped
    public static class Calls {
        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        public List<String> entries() {
            return List.copyOf(entries);
        }
    }

    @Counted
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class CountingInterceptor {
        @Inject
        Calls calls;

        @AroundInvoke
        Object count(InvocationContext invocation) throws Exception {
            calls.add("intercepted " + invocation.getParameters()[0]);
            return invocation.proceed();
        }
    }

    @Dependent
    public static class AdviceBeans {
        @Produces
        @Named("tckRetry")
        @ApplicationScoped
        HandlerAdvice retry() {
            return Advices.retry().recover((message, failure) -> "recovered " + message.getPayload()).build();
        }

        @Produces
        @Named("tckBreaker")
        @ApplicationScoped
        CircuitBreaker breaker() {
            return Advices.circuitBreaker().threshold(2).halfOpenAfter(Duration.ofMinutes(10)).build();
        }
    }

    @MessagingGateway(defaultReplyTimeout = 30_000)
    public interface Remote {
        @Gateway(requestChannel = "flaky")
        String flaky(String text);

        @Gateway(requestChannel = "down")
        String down(String text);
    }

    @ApplicationScoped
    public static class Services {
        @Inject
        Calls calls;
        private final AtomicInteger flakyCalls = new AtomicInteger();

        @Counted
        @ServiceActivator(inputChannel = "flaky", outputChannel = "decorated", adviceChain = "tckRetry")
        public String flaky(String text) {
            calls.add("flaky " + text);
            if (flakyCalls.incrementAndGet() < 3) {
                throw new IllegalStateException("glitch");
            }
            return text;
        }

        @ServiceActivator(inputChannel = "decorated")
        public String decorate(String text) {
            calls.add("decorate " + text);
            return "<" + text + ">";
        }

        @ServiceActivator(inputChannel = "down", id = "downService", adviceChain = "tckBreaker")
        public String down(String text) {
            calls.add("down " + text);
            throw new IllegalStateException("service down");
        }
    }

    @Inject
    Remote remote;

    @Inject
    Calls calls;

    @Inject
    @Named("tckBreaker")
    CircuitBreaker breaker;

    @Test
    void aRetryAdviceRerunsTheInterceptedMethodButNotTheEndpointAfterIt() {
        assertThat(remote.flaky("a")).isEqualTo("<a>");

        assertThat(calls.entries()).containsSubsequence("intercepted a", "flaky a", "intercepted a", "flaky a",
                "intercepted a", "flaky a", "decorate a");
        assertThat(calls.entries()).filteredOn(entry -> entry.startsWith("decorate")).hasSize(1);
        assertThat(calls.entries()).filteredOn(entry -> entry.startsWith("flaky")).hasSize(3);
    }

    @Test
    void aCircuitBreakerBeanOpensAndShowsItsState() {
        assertThatThrownBy(() -> remote.down("1")).hasStackTraceContaining("service down");
        assertThatThrownBy(() -> remote.down("2")).hasStackTraceContaining("service down");
        assertThatThrownBy(() -> remote.down("3")).hasStackTraceContaining("JNC-1001")
                .satisfies(failure -> assertThat(causes(failure))
                        .anyMatch(CircuitBreakerOpenException.class::isInstance));

        assertThat(calls.entries()).filteredOn(entry -> entry.startsWith("down")).hasSize(2);
        assertThat(breaker.state("downService").orElseThrow().phase()).isEqualTo(Phase.OPEN);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
