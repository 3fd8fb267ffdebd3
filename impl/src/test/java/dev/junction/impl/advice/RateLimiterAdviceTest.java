package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.RateLimitExceededException;
import dev.junction.api.advice.RateLimiterSpec;
import dev.junction.api.message.Message;
import dev.junction.api.runtime.Junction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter: a period's permits per endpoint, a refusal without handling when no permit comes within the
 * timeout, a wait for the next period when one does. The periods are read from a ticker the tests move, except in the
 * test that waits.
 */
class RateLimiterAdviceTest {

    private final Junction junction = Junction.create();
    private final AtomicLong ticker = new AtomicLong();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<Long> handledAt = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        junction.close();
    }

    private HandlerAdvice ticking(RateLimiterSpec spec) {
        return new RateLimiterAdvice(spec, ticker::get);
    }

    private void flow(String input, String id, HandlerAdvice limiter) {
        junction.flow(input).handle((String payload) -> {
            handled.add(id + ":" + payload);
            handledAt.add(System.nanoTime());
            return null;
        }).id(id).advice(limiter);
    }

    @Test
    void refusesWhatExceedsAPeriodsPermitsWithoutHandlingItAndRenewsThemNextPeriod() {
        HandlerAdvice limiter = ticking(Advices.rateLimiter().limitForPeriod(2).refreshPeriod(Duration.ofSeconds(1))
                .timeout(Duration.ZERO));
        flow("input", "limited", limiter);
        junction.start();

        junction.channel("input").send(Message.of("a"));
        junction.channel("input").send(Message.of("b"));
        assertThatThrownBy(() -> junction.channel("input").send(Message.of("c")))
                .isInstanceOf(RateLimitExceededException.class)
                .hasMessageStartingWith("JNC-1015 The rate limiter of endpoint 'limited' allows 2 messages every PT1S")
                .satisfies(refused -> {
                    RateLimitExceededException exceeded = (RateLimitExceededException) refused;
                    assertThat(exceeded.getEndpointId()).isEqualTo("limited");
                    assertThat(exceeded.getFailedMessage().getPayload()).isEqualTo("c");
                });
        assertThat(handled).containsExactly("limited:a", "limited:b");

        ticker.addAndGet(Duration.ofMillis(999).toNanos());
        assertThatThrownBy(() -> junction.channel("input").send(Message.of("d")))
                .isInstanceOf(RateLimitExceededException.class);
        ticker.addAndGet(Duration.ofMillis(1).toNanos());
        junction.channel("input").send(Message.of("e"));
        assertThat(handled).containsExactly("limited:a", "limited:b", "limited:e");
    }

    @Test
    void endpointsSharingALimiterEachHaveTheirOwnPermits() {
        HandlerAdvice limiter = ticking(Advices.rateLimiter().limitForPeriod(1).timeout(Duration.ZERO));
        flow("first", "one", limiter);
        flow("second", "two", limiter);
        junction.start();

        junction.channel("first").send(Message.of("x"));
        junction.channel("second").send(Message.of("x"));

        assertThat(handled).containsExactly("one:x", "two:x");
        assertThatThrownBy(() -> junction.channel("first").send(Message.of("y")))
                .isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void aMessageOverTheLimitWaitsForTheNextPeriodWithinItsTimeout() {
        Duration period = Duration.ofMillis(200);
        flow("input", "paced", Advices.rateLimiter().limitForPeriod(1).refreshPeriod(period)
                .timeout(Duration.ofSeconds(30)).build());
        junction.start();

        for (String payload : List.of("a", "b", "c")) {
            junction.channel("input").send(Message.of(payload));
        }

        assertThat(handled).containsExactly("paced:a", "paced:b", "paced:c");
        // one permit per period: the third handling cannot start before two periods after the first
        assertThat(Duration.ofNanos(handledAt.get(2) - handledAt.get(0)))
                .isGreaterThanOrEqualTo(period.multipliedBy(2).minusMillis(5));
    }

    @Test
    void invalidSettingsAreRefusedWithTheirCode() {
        assertThatThrownBy(() -> Advices.rateLimiter().limitForPeriod(0))
                .hasMessageStartingWith("JNC-1016 Rate limiter: limitForPeriod");
        assertThatThrownBy(() -> Advices.rateLimiter().refreshPeriod(Duration.ZERO))
                .hasMessageStartingWith("JNC-1016 Rate limiter: refreshPeriod must be positive");
        assertThatThrownBy(() -> Advices.rateLimiter().timeout(Duration.ofMillis(-1)))
                .hasMessageStartingWith("JNC-1016 Rate limiter: timeout must be zero or more");
    }
}
