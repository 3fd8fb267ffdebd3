package dev.junction.cdi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
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
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CDI snippets of docs/advices.adoc, run in a Weld SE container. */
class CdiAdvicesGuideTest {

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Metered {
    }

    @ApplicationScoped
    public static class Meter {
        private final List<String> calls = new CopyOnWriteArrayList<>();

        void record(String call) {
            calls.add(call);
        }

        List<String> calls() {
            return List.copyOf(calls);
        }
    }

    // tag::interceptor[]
    @Metered
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class MeteredInterceptor {
        @Inject
        Meter meter;

        @AroundInvoke
        Object meter(InvocationContext invocation) throws Exception {
            meter.record(invocation.getMethod().getName()); // once per attempt: the advices run outside it
            return invocation.proceed();
        }
    }
    // end::interceptor[]

    // tag::beans[]
    @Dependent
    public static class QuoteAdvices {
        @Produces
        @Named("retry")
        @ApplicationScoped
        HandlerAdvice retry() {
            return Advices.retry().fixedBackOff(Duration.ofMillis(50)).recoveryChannel("failedQuotes").build();
        }

        @Produces
        @Named("breaker")
        @ApplicationScoped
        CircuitBreaker breaker() {
            return Advices.circuitBreaker().threshold(5).halfOpenAfter(Duration.ofSeconds(30)).build();
        }

        @Produces
        @ApplicationScoped
        @Channel("failedQuotes")
        PollableChannel failedQuotes() {
            return MessageChannels.queue("failedQuotes", 100);
        }
    }
    // end::beans[]

    @MessagingGateway(defaultRequestChannel = "quotes", defaultReplyTimeout = 10_000)
    public interface Quotes {
        String quote(String item);
    }

    // tag::endpoint[]
    @ApplicationScoped
    public static class RatesClient {
        private final AtomicInteger calls = new AtomicInteger();

        @Metered
        @ServiceActivator(inputChannel = "quotes", id = "rates", adviceChain = {"retry", "breaker"})
        public String rate(String item) {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("rates service unavailable");
            }
            return item + "@1.5";
        }
    }
    // end::endpoint[]

    private WeldContainer container;

    @AfterEach
    void stop() {
        container.shutdown();
    }

    @Test
    void advicesNamedOnAnEndpointMethodBesideAnInterceptorBinding() {
        container = CdiGuideTest.start("guide-advices", Metered.class, Meter.class, MeteredInterceptor.class,
                QuoteAdvices.class, Quotes.class, RatesClient.class);

        assertThat(container.select(Quotes.class).get().quote("tea")).isEqualTo("tea@1.5");
        assertThat(container.select(Meter.class).get().calls()).containsExactly("rate", "rate", "rate");
    }
}
