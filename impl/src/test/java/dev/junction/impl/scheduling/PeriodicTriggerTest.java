package dev.junction.impl.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.trigger.PeriodicTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PeriodicTriggerTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final ZonedDateTime SCHEDULED_AT = ZonedDateTime.of(2030, 3, 4, 10, 0, 0, 0, ZONE);

    /** A run due at 10:00:01 that started 5 ms late and took 2 s. */
    private static final LastRun SLOW_RUN = new LastRun(
            Instant.parse("2030-03-04T09:00:01Z"),
            Instant.parse("2030-03-04T09:00:01.005Z"),
            Instant.parse("2030-03-04T09:00:03.005Z"));

    @Test
    void fixedDelayCountsThePeriodFromTheEndOfTheLastRun() {
        PeriodicTrigger trigger = PeriodicTrigger.fixedDelay(Duration.ofSeconds(1));

        assertThat(trigger.getNextRunTime(SLOW_RUN, SCHEDULED_AT).toInstant())
                .isEqualTo(Instant.parse("2030-03-04T09:00:04.005Z"));
    }

    @Test
    void fixedRateCountsThePeriodFromTheScheduledStartOfTheLastRun() {
        PeriodicTrigger trigger = PeriodicTrigger.fixedRate(Duration.ofSeconds(1));

        // already in the past when the slow run ends: the scheduler runs it at once, keeping the cadence
        assertThat(trigger.getNextRunTime(SLOW_RUN, SCHEDULED_AT).toInstant())
                .isEqualTo(Instant.parse("2030-03-04T09:00:02Z"));
    }

    @Test
    void withoutInitialDelayTheFirstRunIsWhenTheTaskWasScheduled() {
        assertThat(PeriodicTrigger.fixedDelay(Duration.ofSeconds(1)).getNextRunTime(null, SCHEDULED_AT))
                .isEqualTo(SCHEDULED_AT);
        assertThat(PeriodicTrigger.fixedRate(Duration.ofSeconds(1)).getNextRunTime(null, SCHEDULED_AT))
                .isEqualTo(SCHEDULED_AT);
    }

    @Test
    void initialDelayPostponesOnlyTheFirstRun() {
        PeriodicTrigger trigger = PeriodicTrigger.fixedDelay(Duration.ofSeconds(1)).withInitialDelay(Duration.ofSeconds(30));

        assertThat(trigger.getNextRunTime(null, SCHEDULED_AT)).isEqualTo(SCHEDULED_AT.plusSeconds(30));
        assertThat(trigger.getNextRunTime(SLOW_RUN, SCHEDULED_AT).toInstant())
                .isEqualTo(Instant.parse("2030-03-04T09:00:04.005Z"));
    }

    @Test
    void nextRunTimeIsInTheZoneOfTheScheduledTime() {
        ZonedDateTime next = PeriodicTrigger.fixedDelay(Duration.ofSeconds(1)).getNextRunTime(SLOW_RUN, SCHEDULED_AT);

        assertThat(next.getZone()).isEqualTo(ZONE);
    }

    @Test
    void withMethodsReturnNewTriggersAndLeaveTheOriginalAlone() {
        PeriodicTrigger original = PeriodicTrigger.fixedDelay(Duration.ofSeconds(1));

        PeriodicTrigger delayed = original.withInitialDelay(Duration.ofSeconds(5));
        PeriodicTrigger faster = original.withPeriod(Duration.ofMillis(10));
        PeriodicTrigger atFixedRate = original.withFixedRate(true);

        assertThat(original).isEqualTo(new PeriodicTrigger(Duration.ofSeconds(1), Duration.ZERO, false));
        assertThat(delayed.initialDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(faster.period()).isEqualTo(Duration.ofMillis(10));
        assertThat(atFixedRate.fixedRate()).isTrue();
    }

    @Test
    void aPeriodAndTimeUnitMakeAFixedDelayTrigger() {
        assertThat(PeriodicTrigger.of(5, TimeUnit.SECONDS)).isEqualTo(PeriodicTrigger.fixedDelay(Duration.ofSeconds(5)));
        assertThat(PeriodicTrigger.of(250, TimeUnit.MILLISECONDS))
                .isEqualTo(PeriodicTrigger.fixedDelay(Duration.ofMillis(250)));
        assertThat(PeriodicTrigger.fixedRate(2, TimeUnit.SECONDS)).isEqualTo(PeriodicTrigger.fixedRate(Duration.ofSeconds(2)));
        assertThat(PeriodicTrigger.fixedDelay(2, TimeUnit.MILLISECONDS))
                .isEqualTo(PeriodicTrigger.fixedDelay(Duration.ofMillis(2)));
    }

    @Test
    void onlyMillisecondsAndSecondsAreAcceptedTimeUnits() {
        for (TimeUnit unit : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.MICROSECONDS, TimeUnit.MINUTES,
                TimeUnit.HOURS, TimeUnit.DAYS}) {
            assertThatThrownBy(() -> PeriodicTrigger.of(1, unit))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(unit.name())
                    .hasMessageContaining("MILLISECONDS or SECONDS");
        }
        assertThatThrownBy(() -> PeriodicTrigger.fixedRate(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void thePeriodMustBePositive() {
        assertThatThrownBy(() -> PeriodicTrigger.fixedDelay(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period must be positive, was PT0S");
        assertThatThrownBy(() -> PeriodicTrigger.of(-5, TimeUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period must be positive, was PT-5S");
        assertThatThrownBy(() -> PeriodicTrigger.fixedRate(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theInitialDelayMustNotBeNegative() {
        PeriodicTrigger trigger = PeriodicTrigger.fixedDelay(Duration.ofSeconds(1));

        assertThat(trigger.withInitialDelay(Duration.ZERO).initialDelay()).isZero();
        assertThatThrownBy(() -> trigger.withInitialDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial delay must not be negative");
    }

    @Test
    void runsAreNeverSkipped() {
        assertThat(PeriodicTrigger.fixedDelay(Duration.ofSeconds(1)).skipRun(SLOW_RUN, SCHEDULED_AT)).isFalse();
    }
}
