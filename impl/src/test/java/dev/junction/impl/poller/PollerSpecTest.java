package dev.junction.impl.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import dev.junction.api.trigger.PeriodicTrigger;
import dev.junction.impl.channel.QueueChannel;
import jakarta.enterprise.concurrent.CronTrigger;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The poller's settings: the documented defaults, and every conflicting combination refused with a clear message. */
class PollerSpecTest {

    @Test
    void aFixedDelayPollerHasTheSeedsDefaults() {
        PollerMetadata poller = PollerSpec.fixedDelay(Duration.ofMillis(100)).build();

        assertThat(poller.trigger()).isEqualTo(PeriodicTrigger.fixedDelay(Duration.ofMillis(100)));
        assertThat(poller.receiveTimeout()).isEqualTo(Duration.ofMillis(1000)).isEqualTo(PollerMetadata.DEFAULT_RECEIVE_TIMEOUT);
        assertThat(poller.maxMessagesPerPoll()).isNull();
        assertThat(poller.maxMessagesPerPollOr(-1)).isEqualTo(-1);
        assertThat(poller.maxMessagesPerPollOr(1)).isEqualTo(1);
        assertThat(poller.taskExecutor()).isNull();
        assertThat(poller.errorChannel()).isNull();
        assertThat(poller.errorChannelName()).isNull();
        assertThat(poller.adviceChain()).isEmpty();
        assertThat(poller.receiveAdvices()).isEmpty();
    }

    @Test
    void everyOptionEndsUpInTheMetadata() {
        Executor executor = Runnable::run;
        QueueChannel errors = new QueueChannel("errors");
        PollAdvice outer = PollAdvice.Poll::proceed;
        PollAdvice inner = PollAdvice.Poll::proceed;
        ReceiveMessageAdvice receiveAdvice = new ReceiveMessageAdvice() { };

        PollerMetadata poller = PollerSpec.fixedRate(Duration.ofSeconds(3)).initialDelay(Duration.ofSeconds(1))
                .maxMessagesPerPoll(5).receiveTimeout(Duration.ofSeconds(30)).taskExecutor(executor)
                .errorChannel(errors).advice(outer).advice(inner).receiveAdvice(receiveAdvice).build();

        assertThat(poller.trigger())
                .isEqualTo(new PeriodicTrigger(Duration.ofSeconds(3), Duration.ofSeconds(1), true));
        assertThat(poller.maxMessagesPerPoll()).isEqualTo(5);
        assertThat(poller.maxMessagesPerPollOr(-1)).isEqualTo(5);
        assertThat(poller.receiveTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(poller.taskExecutor()).isSameAs(executor);
        assertThat(poller.errorChannel()).isSameAs(errors);
        assertThat(poller.adviceChain()).containsExactly(outer, inner);
        assertThat(poller.receiveAdvices()).containsExactly(receiveAdvice);
    }

    @Test
    void cronAndCustomTriggersAreUsed() {
        PollerMetadata cron = PollerSpec.cron("*/10 * * * * MON-FRI").zone(ZoneOffset.UTC).build();
        DynamicPeriodicTrigger dynamic = new DynamicPeriodicTrigger(Duration.ofSeconds(1));
        PollerMetadata custom = PollerSpec.trigger(dynamic).build();

        assertThat(cron.trigger()).isInstanceOf(CronTrigger.class);
        assertThat(cron.trigger().getZoneId()).isEqualTo(ZoneOffset.UTC);
        assertThat(custom.trigger()).isSameAs(dynamic);
    }

    @Test
    void theMetadataListsCannotBeChangedAfterwards() {
        PollerSpec spec = PollerSpec.fixedDelay(Duration.ofSeconds(1)).advice(PollAdvice.Poll::proceed);
        PollerMetadata poller = spec.build();
        spec.advice(PollAdvice.Poll::proceed);

        assertThat(poller.adviceChain()).hasSize(1);
        assertThatThrownBy(() -> poller.adviceChain().add(PollAdvice.Poll::proceed))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPollerWithoutATriggerIsRefused() {
        assertThatThrownBy(() -> PollerSpec.forOwner("orders").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Invalid poller of 'orders'")
                .hasMessageContaining("JNC-0201 it sets none of fixedDelay, fixedRate, cron, trigger");
    }

    @Test
    void twoTriggersAreRefusedAsMutuallyExclusive() {
        assertThatThrownBy(() -> PollerSpec.forOwner("orders").withFixedDelay(Duration.ofSeconds(1))
                .withFixedRate(Duration.ofSeconds(2)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'orders'")
                .hasMessageContaining("fixedDelay and fixedRate").hasMessageContaining("mutually exclusive");

        assertThatThrownBy(() -> PollerSpec.cron("* * * * * *").withTrigger(new DynamicPeriodicTrigger(Duration.ofSeconds(1)))
                .build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Invalid poller: ")
                .hasMessageContaining("cron and trigger").hasMessageContaining("mutually exclusive");
    }

    @Test
    void anInitialDelayWithCronOrACustomTriggerIsRefused() {
        assertThatThrownBy(() -> PollerSpec.forOwner("nightly").withCron("0 0 2 * * *")
                .initialDelay(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'nightly'")
                .hasMessageContaining("initialDelay").hasMessageContaining("not to cron");

        assertThatThrownBy(() -> PollerSpec.forOwner("custom").withTrigger(new DynamicPeriodicTrigger(Duration.ofSeconds(1)))
                .initialDelay(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'custom'")
                .hasMessageContaining("initialDelay");
    }

    @Test
    void nonPositivePeriodsAreRefused() {
        assertThatThrownBy(() -> PollerSpec.forOwner("p").withFixedDelay(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'p'")
                .hasMessageContaining("fixedDelay must be positive, was PT0S");
        assertThatThrownBy(() -> PollerSpec.forOwner("p").withFixedRate(Duration.ofMillis(-5)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fixedRate must be positive, was PT-0.005S");
    }

    @Test
    void negativeInitialDelayAndReceiveTimeoutAreRefused() {
        assertThatThrownBy(() -> PollerSpec.forOwner("p").withFixedDelay(Duration.ofSeconds(1))
                .initialDelay(Duration.ofSeconds(-1)).receiveTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initialDelay must not be negative")
                .hasMessageContaining("receiveTimeout must not be negative");
    }

    @Test
    void anInvalidCronExpressionIsRefusedNamingIt() {
        assertThatThrownBy(() -> PollerSpec.forOwner("reports").withCron("61 * * * * *").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'reports'")
                .hasMessageContaining("cron expression '61 * * * * *' is invalid");
    }

    @Test
    void anErrorChannelAndAnErrorChannelNameTogetherAreRefused() {
        assertThatThrownBy(() -> PollerSpec.forOwner("p").withFixedDelay(Duration.ofSeconds(1))
                .errorChannel(new QueueChannel("errors")).errorChannelName("errors").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'p'")
                .hasMessageContaining("both an error channel and an error channel name");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> PollerSpec.forOwner("messy").withFixedDelay(Duration.ZERO)
                .withFixedRate(Duration.ofSeconds(1)).errorChannel(new QueueChannel("e")).errorChannelName("e")
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mutually exclusive")
                .hasMessageContaining("fixedDelay must be positive")
                .hasMessageContaining("both an error channel and an error channel name")
                .hasMessageContaining("JNC-0201 it sets fixedDelay and fixedRate")
                .hasMessageContaining("JNC-0203 fixedDelay must be positive")
                .hasMessageContaining("JNC-0206 it sets both an error channel");
    }

    @Test
    void anEmptyErrorChannelNameMeansNone() {
        PollerMetadata poller = PollerSpec.fixedDelay(Duration.ofSeconds(1)).errorChannelName("").build();

        assertThat(poller.errorChannelName()).isNull();
    }
}
