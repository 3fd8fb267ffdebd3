package dev.junction.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerState.Phase;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.Filter;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.annotation.ServiceActivator;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
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

/**
 * Advice chains named on endpoint methods: {@code @Named} advice beans, applied outermost first around the bean
 * method only, beside a CDI interceptor binding on the same method (which runs once per attempt, inside the advices).
 */
class AdviceBeansTest {

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Timed {
    }

    @ApplicationScoped
    public static class Calls {
        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        List<String> entries() {
            return List.copyOf(entries);
        }
    }

    @Timed
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class TimedInterceptor {
        @Inject
        Calls calls;

        @AroundInvoke
        Object time(InvocationContext invocation) throws Exception {
            calls.add("intercepted " + invocation.getMethod().getName());
            return invocation.proceed();
        }
    }

    @Dependent
    public static class AdviceBeans {
        @Produces
        @Named("retry")
        @ApplicationScoped
        HandlerAdvice retry() {
            return Advices.retry().recoveryChannel("failedQuotes").build();
        }

        @Produces
        @Named("breaker")
        @ApplicationScoped
        CircuitBreaker breaker() {
            return Advices.circuitBreaker().threshold(10).halfOpenAfter(Duration.ofMinutes(1)).build();
        }

        @Produces
        @ApplicationScoped
        @Channel("failedQuotes")
        PollableChannel failedQuotes() {
            return MessageChannels.queue("failedQuotes", 10);
        }
    }

    @MessagingGateway(defaultRequestChannel = "quotes", defaultReplyTimeout = 10_000)
    public interface Quotes {
        String quote(String item);
    }

    @ApplicationScoped
    public static class RatesClient {
        @Inject
        Calls calls;
        private final AtomicInteger failuresLeft = new AtomicInteger(2);

        void failAlways() {
            failuresLeft.set(Integer.MAX_VALUE);
        }

        @Timed
        @ServiceActivator(inputChannel = "quotes", outputChannel = "priced", id = "rates",
                adviceChain = {"retry", "breaker"})
        public String rate(String item) {
            calls.add("rate " + item);
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("rates service unavailable");
            }
            return item + "@1.5";
        }
    }

    @ApplicationScoped
    public static class Pricing {
        @Inject
        Calls calls;

        @ServiceActivator(inputChannel = "priced")
        public String price(String rated) {
            calls.add("price " + rated);
            return "price of " + rated;
        }
    }

    private WeldContainer container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.shutdown();
        }
    }

    @Test
    void theNamedAdvicesWrapTheBeanMethodAndItsInterceptorButNotTheFlowAfterIt() {
        container = Containers.start("advice-beans", Timed.class, Calls.class, TimedInterceptor.class,
                AdviceBeans.class, Quotes.class, RatesClient.class, Pricing.class);

        String quote = container.select(Quotes.class).get().quote("tea");

        assertThat(quote).isEqualTo("price of tea@1.5");
        assertThat(container.select(Calls.class).get().entries()).containsExactly(
                "intercepted rate", "rate tea", "intercepted rate", "rate tea", "intercepted rate", "rate tea",
                "price tea@1.5");
        CircuitBreaker breaker = container.select(CircuitBreaker.class, named("breaker")).get();
        assertThat(breaker.state("rates")).hasValueSatisfying(state -> {
            assertThat(state.phase()).isEqualTo(Phase.CLOSED);
            assertThat(state.consecutiveFailures()).isZero();
        });
    }

    @Test
    void everyAttemptFailedTheRecoveryChannelGetsTheErrorMessage() {
        container = Containers.start("advice-beans-recovery", Timed.class, Calls.class, TimedInterceptor.class,
                AdviceBeans.class, Quotes.class, RatesClient.class, Pricing.class);
        container.select(RatesClient.class).get().failAlways();

        container.select(Junction.class).get().channel("quotes").send(Message.of("tea"));

        Message<?> error = container.select(PollableChannel.class, Channel.Literal.of("failedQuotes")).get()
                .receive(Duration.ZERO);
        assertThat(error).isInstanceOf(ErrorMessage.class);
        assertThat((Throwable) error.getPayload()).hasRootCauseMessage("rates service unavailable");
        assertThat(container.select(Calls.class).get().entries()).filteredOn(entry -> entry.startsWith("rate"))
                .hasSize(3);
        CircuitBreaker breaker = container.select(CircuitBreaker.class, named("breaker")).get();
        assertThat(breaker.state("rates").orElseThrow().consecutiveFailures()).isEqualTo(3);
    }

    @ApplicationScoped
    public static class Screening {
        @Filter(inputChannel = "screened", adviceChain = "noSuchAdvice")
        public boolean accept(String item) {
            return true;
        }

        @ServiceActivator(inputChannel = "other", adviceChain = "badRecovery")
        public void handle(String item) {
        }
    }

    @Dependent
    public static class BadAdvice {
        @Produces
        @Named("badRecovery")
        @Dependent
        HandlerAdvice badRecovery() {
            return Advices.retry().recoveryChannel("undeclared").build();
        }
    }

    @Test
    void anUnknownAdviceNameOrAnAdviceNamingAnUnknownChannelFailsTheDeployment() {
        assertThatThrownBy(() -> Containers.start("advice-validation", Screening.class, BadAdvice.class).shutdown())
                .isInstanceOf(DeploymentException.class)
                .satisfies(failure -> assertThat(ValidationTest.allMessages(failure)).contains(
                        "JNC-0518 " + Screening.class.getName() + "#accept: @Filter(adviceChain = \"noSuchAdvice\")"
                                + " names no bean",
                        "JNC-1010 The retry advice of endpoint 'Screening.handle' names the recovery channel"
                                + " 'undeclared'"));
    }

    @Dependent
    public static class PlainRetry {
        @Produces
        @Named("plainRetry")
        @ApplicationScoped
        HandlerAdvice plainRetry() {
            return Advices.retry().build();
        }
    }

    /** Two filters rejecting everything; their discard flow fails. */
    @ApplicationScoped
    public static class Screens {
        private final AtomicInteger within = new AtomicInteger();
        private final AtomicInteger after = new AtomicInteger();

        @Filter(inputChannel = "within", discardChannel = "rejected", adviceChain = "plainRetry")
        public boolean screenWithin(String item) {
            within.incrementAndGet();
            return false;
        }

        @Filter(inputChannel = "after", discardChannel = "rejected", adviceChain = "plainRetry",
                discardWithinAdvice = false)
        public boolean screenAfter(String item) {
            after.incrementAndGet();
            return false;
        }

        @ServiceActivator(inputChannel = "rejected")
        public void rejected(String item) {
            throw new IllegalStateException("the discard flow failed");
        }

        int decisionsWithin() {
            return within.get();
        }

        int decisionsAfter() {
            return after.get();
        }
    }

    @Test
    void aFilterDiscardsInsideItsAdvicesUnlessDiscardWithinAdviceIsFalse() {
        container = Containers.start("advice-filter", PlainRetry.class, Screens.class);
        Junction junction = container.select(Junction.class).get();

        assertThatThrownBy(() -> junction.channel("within").send(Message.of("x")))
                .hasRootCauseMessage("the discard flow failed");
        assertThatThrownBy(() -> junction.channel("after").send(Message.of("x")))
                .hasRootCauseMessage("the discard flow failed");

        Screens screens = container.select(Screens.class).get();
        assertThat(screens.decisionsWithin()).as("the failed discard was retried with the decision").isEqualTo(3);
        assertThat(screens.decisionsAfter()).as("the retry covered the decision only").isEqualTo(1);
    }

    private static Named named(String name) {
        return jakarta.enterprise.inject.literal.NamedLiteral.of(name);
    }
}
