package dev.junction.impl.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.advice.Advices;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Flow;
import dev.junction.api.runtime.Junction;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Flow.discardWithinAdvice}: a filter step of a plain Java flow discards inside its advices by default, as
 * {@code @Filter} does, and after them when told.
 */
class FilterDiscardInFlowTest {

    private final Junction junction = Junction.create();
    private final AtomicInteger decisions = new AtomicInteger();
    private final AtomicInteger discards = new AtomicInteger();

    @AfterEach
    void close() {
        junction.close();
    }

    @Test
    void byDefaultTheRetryRunsTheFilterAgainWhenTheDiscardFails() {
        declareCounting(null);
        junction.start();

        assertThatThrownBy(() -> sendRejected())
                .hasRootCauseMessage("the discard flow failed");
        assertThat(decisions).as("decided inside the retry, with the discard").hasValue(3);
        assertThat(discards).hasValue(3);
    }

    @Test
    void withinTrueIsTheDefault() {
        declareCounting(true);
        junction.start();

        assertThatThrownBy(() -> sendRejected())
                .hasRootCauseMessage("the discard flow failed");
        assertThat(decisions).hasValue(3);
        assertThat(discards).hasValue(3);
    }

    @Test
    void withinFalseRetriesTheDecisionOnlyAndDiscardsOnceAfterTheAdvices() {
        declareCounting(false);
        junction.start();

        assertThatThrownBy(() -> sendRejected())
                .hasRootCauseMessage("the discard flow failed");
        assertThat(decisions).as("the retry covered the decision, which succeeded").hasValue(1);
        assertThat(discards).hasValue(1);
    }

    @Test
    void itBelongsRightAfterAFilterAndIsSaidOnce() {
        assertThatThrownBy(() -> junction.flow("a").discardWithinAdvice(false)).hasMessageStartingWith("JNC-1014")
                .hasMessageContaining("no step");
        assertThatThrownBy(() -> junction.flow("b").handle("payload").discardWithinAdvice(false))
                .hasMessageStartingWith("JNC-1014").hasMessageContaining("a handle");
        assertThatThrownBy(() -> junction.flow("c").filter("true").discardWithinAdvice(false)
                .discardWithinAdvice(true)).hasMessageStartingWith("JNC-1014").hasMessageContaining("once");
    }

    /**
     * A filter rejecting everything (counting its decisions through a header the expression calls), retried three
     * times, whose discard flow always fails.
     */
    private void declareCounting(Boolean discardWithinAdvice) {
        junction.flow("discarded").handle((String payload) -> {
            discards.incrementAndGet();
            throw new IllegalStateException("the discard flow failed");
        });
        Flow flow = junction.flow("orders").filter("headers.decisions.incrementAndGet() < 0", "discarded")
                .advice(Advices.retry().maxAttempts(3).build());
        if (discardWithinAdvice != null) {
            flow.discardWithinAdvice(discardWithinAdvice);
        }
        flow.handle((String payload) -> payload);
    }

    private void sendRejected() {
        junction.channel("orders").send(MessageBuilder.withPayload("rejected").setHeader("decisions", decisions)
                .build());
    }
}
