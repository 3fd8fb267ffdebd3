package dev.junction.impl.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.AdviceMessage;
import dev.junction.api.advice.Advices;
import dev.junction.api.advice.CircuitBreaker;
import dev.junction.api.advice.CircuitBreakerOpenException;
import dev.junction.api.advice.CircuitBreakerState;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.RateLimitExceededException;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannels;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The snippets of docs/advices.adoc; each one runs here, so the guide cannot drift. */
class AdvicesGuideTest {

    private final Junction junction = Junction.create();

    @AfterEach
    void close() {
        junction.close();
    }

    @MessagingGateway(defaultRequestChannel = "quotes", defaultReplyTimeout = 10_000)
    public interface Quotes {
        String quote(String item);
    }

    /** Fails its first {@code failures} calls, as a remote service with a glitch does. */
    public static final class RatesClient {
        private final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        RatesClient(int failures) {
            this.failures = failures;
        }

        public String rate(String item) {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("rates service unavailable");
            }
            return item + "@1.5";
        }
    }

    public static final class Pricing {
        private final AtomicInteger calls = new AtomicInteger();

        public String price(String rated) {
            calls.incrementAndGet();
            return "price of " + rated;
        }
    }

    @Test
    void aRetryAroundOneStep() {
        RatesClient ratesClient = new RatesClient(2);
        Pricing pricing = new Pricing();
        junction.register(MessageChannels.queue("failedQuotes", 10));
        // tag::retry[]
        HandlerAdvice retry = Advices.retry()
                .maxAttempts(4)                                                  // default 3
                .exponentialBackOff(Duration.ofMillis(100), 5.0, Duration.ofSeconds(60)) // 100 ms, 500 ms, 2.5 s
                .retryOn(IllegalStateException.class, IOException.class)         // looked for among the causes
                .recoveryChannel("failedQuotes")                                 // an ErrorMessage after the last attempt
                .build();
        junction.flow("quotes")
                .handle(ratesClient, "rate").id("rates").advice(retry)          // only this step is retried
                .handle(pricing, "price").id("pricing");
        // end::retry[]
        Quotes quotes = junction.gateway(Quotes.class);
        junction.start();

        assertThat(quotes.quote("tea")).isEqualTo("price of tea@1.5");
        assertThat(ratesClient.calls).hasValue(3);
        assertThat(pricing.calls).hasValue(1);
    }

    @Test
    void aRecoveryFunction() {
        // tag::recover[]
        HandlerAdvice retry = Advices.retry()
                .recover((message, failure) -> "no quote for " + message.getPayload()) // the reply instead
                .build();
        // end::recover[]
        junction.flow("quotes").handle(new RatesClient(Integer.MAX_VALUE), "rate").advice(retry);
        Quotes quotes = junction.gateway(Quotes.class);
        junction.start();

        assertThat(quotes.quote("tea")).isEqualTo("no quote for tea");
    }

    @Test
    void aStatefulRetry() {
        PollableChannel failed = junction.register(MessageChannels.queue("failedQuotes", 10));
        RatesClient ratesClient = new RatesClient(Integer.MAX_VALUE);
        // tag::stateful[]
        HandlerAdvice retry = Advices.retry()
                .stateKey("headers['messageId']")   // recognises the caller's resubmissions
                .maxStates(10_000)                   // keys counted at most (least recently used dropped)
                .recoveryChannel("failedQuotes")
                .build();
        // end::stateful[]
        junction.flow("quotes").handle(ratesClient, "rate").advice(retry);
        junction.start();
        Message<String> order = MessageBuilder.withPayload("tea").setHeader("messageId", "42").build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> junction.channel("quotes").send(order));
        }
        junction.channel("quotes").send(order);
        assertThat(ratesClient.calls).hasValue(3);
        assertThat(failed.receive(Duration.ZERO)).isInstanceOf(ErrorMessage.class);
    }

    @Test
    void aFilterDiscardingAfterItsAdvices() {
        AtomicInteger declined = new AtomicInteger();
        junction.flow("declined").handle((String order) -> {
            declined.incrementAndGet();
            throw new IllegalStateException("the complaints desk is closed");
        });
        // tag::filter[]
        junction.flow("orders")
                .filter("payload != 'decaf'", "declined")          // rejected orders go to 'declined'
                .advice(Advices.retry().maxAttempts(3).build())
                .discardWithinAdvice(false)                         // the retry covers the decision only
                .handle((String order) -> order + " accepted");
        // end::filter[]
        junction.start();

        assertThatThrownBy(() -> junction.channel("orders").send(Message.of("decaf")))
                .hasRootCauseMessage("the complaints desk is closed");
        assertThat(declined).as("discarded once, after the retry").hasValue(1);
    }

    @Test
    void aCircuitBreaker() {
        // tag::breaker[]
        CircuitBreaker breaker = Advices.circuitBreaker()
                .threshold(2)                             // open after 2 consecutive failures (default 5)
                .halfOpenAfter(Duration.ofSeconds(12))    // one trial 12 s after the last failure (default 1 s)
                .build();
        junction.flow("quotes").handle(new RatesClient(Integer.MAX_VALUE), "rate").id("rates").advice(breaker);
        junction.start();
        CircuitBreakerState state = breaker.state("rates").orElseThrow(); // CLOSED, OPEN or HALF_OPEN
        // end::breaker[]
        assertThat(state.phase()).isEqualTo(CircuitBreakerState.Phase.CLOSED);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> junction.channel("quotes").send(Message.of("tea")))
                    .hasRootCauseMessage("rates service unavailable");
        }
        assertThatThrownBy(() -> junction.channel("quotes").send(Message.of("tea")))
                .isInstanceOf(CircuitBreakerOpenException.class).hasMessageStartingWith("JNC-1001");
        assertThat(breaker.state("rates").orElseThrow().phase()).isEqualTo(CircuitBreakerState.Phase.OPEN);
    }

    @Test
    void aRateLimiter() {
        List<String> sent = new CopyOnWriteArrayList<>();
        // tag::rate-limiter[]
        HandlerAdvice limiter = Advices.rateLimiter()
                .limitForPeriod(2)                        // 2 messages (default 50)
                .refreshPeriod(Duration.ofSeconds(10))    // every 10 s (default 1 s)
                .timeout(Duration.ZERO)                   // refuse at once what exceeds it (default: wait up to 5 s)
                .build();
        junction.flow("texts").handle((String text) -> {
            sent.add(text);                       // an outbound call, answering nothing
            return null;
        }).id("sms").advice(limiter);
        // end::rate-limiter[]
        junction.start();

        junction.channel("texts").send(Message.of("one"));
        junction.channel("texts").send(Message.of("two"));
        assertThatThrownBy(() -> junction.channel("texts").send(Message.of("three")))
                .isInstanceOf(RateLimitExceededException.class).hasMessageStartingWith("JNC-1015");
        assertThat(sent).containsExactly("one", "two");
    }

    /** Moves files; a name containing "bad" fails the transfer. */
    public static final class Uploader {
        public void upload(String file) {
            if (file.contains("bad")) {
                throw new IllegalStateException("connection refused");
            }
        }
    }

    @Test
    void expressionsAfterSuccessAndFailure() {
        PollableChannel done = junction.register(MessageChannels.queue("done", 10));
        PollableChannel failed = junction.register(MessageChannels.queue("failed", 10));
        // tag::expressions[]
        HandlerAdvice moveAfterwards = Advices.expressions()
                .onSuccess("'archive/' += payload").successChannel("done")        // an AdviceMessage
                .onFailure("'retry/' += payload += ': ' += exception.cause.message")
                .failureChannel("failed")                                        // an ErrorMessage
                .trapException(true)                                             // the caller sees no failure
                .build();
        junction.flow("uploads").handle(new Uploader(), "upload").advice(moveAfterwards);
        // end::expressions[]
        junction.start();

        junction.channel("uploads").send(Message.of("a.txt"));
        junction.channel("uploads").send(Message.of("bad.txt"));

        Message<?> archived = done.receive(Duration.ZERO);
        assertThat(archived).isInstanceOf(AdviceMessage.class);
        assertThat(archived.getPayload()).isEqualTo("archive/a.txt");
        assertThat(failed.receive(Duration.ZERO)).isInstanceOf(ErrorMessage.class);
    }

    @Test
    void aCustomAdvice() {
        List<String> audit = new CopyOnWriteArrayList<>();
        // tag::custom[]
        HandlerAdvice audited = execution -> {
            audit.add("before " + execution.endpointId() + ": " + execution.message().getPayload());
            Object result = execution.proceed();   // may be called again: it re-runs the inner advices and the step
            audit.add("after: " + result);
            return result;                          // the step's result: its reply
        };
        // end::custom[]
        junction.flow("quotes").handle(new RatesClient(1), "rate").id("rates")
                .advice(audited, Advices.retry().build());
        Quotes quotes = junction.gateway(Quotes.class);
        junction.start();

        assertThat(quotes.quote("tea")).isEqualTo("tea@1.5");
        assertThat(audit).containsExactly("before rates: tea", "after: tea@1.5");
    }
}
