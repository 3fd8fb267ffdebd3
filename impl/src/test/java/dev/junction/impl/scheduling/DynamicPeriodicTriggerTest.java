package dev.junction.impl.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.trigger.DynamicPeriodicTrigger;
import dev.junction.api.trigger.PeriodicTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicPeriodicTriggerTest {

    private static final ZonedDateTime SCHEDULED_AT = ZonedDateTime.of(2030, 3, 4, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final LastRun LAST_RUN = new LastRun(Instant.parse("2030-03-04T10:00:00Z"),
            Instant.parse("2030-03-04T10:00:00Z"), Instant.parse("2030-03-04T10:00:02Z"));

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void computesRunTimesWithTheCurrentSettings() {
        DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(
                PeriodicTrigger.fixedDelay(Duration.ofSeconds(5)).withInitialDelay(Duration.ofSeconds(1)));

        assertThat(trigger.getNextRunTime(null, SCHEDULED_AT)).isEqualTo(SCHEDULED_AT.plusSeconds(1));
        assertThat(trigger.getNextRunTime(LAST_RUN, SCHEDULED_AT)).isEqualTo(SCHEDULED_AT.plusSeconds(7));

        trigger.setPeriod(Duration.ofMillis(10));
        assertThat(trigger.getNextRunTime(LAST_RUN, SCHEDULED_AT)).isEqualTo(SCHEDULED_AT.plusSeconds(2).plusNanos(10_000_000));

        trigger.setFixedRate(true);
        assertThat(trigger.isFixedRate()).isTrue();
        assertThat(trigger.getNextRunTime(LAST_RUN, SCHEDULED_AT)).isEqualTo(SCHEDULED_AT.plusNanos(10_000_000));
        assertThat(trigger.settings())
                .isEqualTo(new PeriodicTrigger(Duration.ofMillis(10), Duration.ofSeconds(1), true));
    }

    @Test
    void anInvalidPeriodIsRefusedAndTheOldOneKept() {
        DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(Duration.ofSeconds(5));

        assertThatThrownBy(() -> trigger.setPeriod(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThat(trigger.period()).isEqualTo(Duration.ofSeconds(5));
    }

    /** As a poller's advice does: the task itself changes the period, and the very next run time follows it. */
    @Test
    void aChangeMadeDuringARunAppliesToTheNextRunTime() {
        DynamicPeriodicTrigger dynamic = new DynamicPeriodicTrigger(Duration.ofMillis(200));
        RecordingTrigger trigger = new RecordingTrigger(dynamic);
        RunLog runs = new RunLog() {
            @Override
            public void run() {
                super.run();
                if (count() == 2) {
                    dynamic.setPeriod(Duration.ofMillis(20));
                }
            }
        };
        ScheduledFuture<?> schedule = scheduler.schedule(runs, trigger);

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.count() >= 4);
        schedule.cancel(false);

        assertThat(trigger.due(1)).isEqualTo(trigger.endOf(0).plus(Duration.ofMillis(200)));
        assertThat(trigger.due(2)).isEqualTo(trigger.endOf(1).plus(Duration.ofMillis(20)));
        assertThat(trigger.due(3)).isEqualTo(trigger.endOf(2).plus(Duration.ofMillis(20)));
        assertThat(runs.gapAfter(0)).isGreaterThanOrEqualTo(Duration.ofMillis(200).minus(RunLog.CLOCK_SLACK));
    }

    @Test
    void slowingDownFromOutsideTakesEffectAfterAtMostOneMoreRun() {
        DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(Duration.ofMillis(20));
        RunLog runs = new RunLog();
        ScheduledFuture<?> schedule = scheduler.schedule(runs, trigger);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.count() >= 2);

        trigger.setPeriod(Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> schedule.getDelay(TimeUnit.MINUTES) >= 59);
        int runsSoFar = runs.count();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> runs.count() == runsSoFar);
    }

    @Test
    void speedingUpFromOutsideKeepsTheRunAlreadyScheduled() {
        DynamicPeriodicTrigger trigger = new DynamicPeriodicTrigger(Duration.ofHours(1));
        RunLog runs = new RunLog();
        ScheduledFuture<?> schedule = scheduler.schedule(runs, trigger);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.count() == 1 && schedule.getDelay(TimeUnit.MINUTES) >= 59);

        trigger.setPeriod(Duration.ofMillis(10));

        // "effective from the next poll": the poll already due in an hour stays where it is
        assertThat(schedule.getDelay(TimeUnit.MINUTES)).isGreaterThanOrEqualTo(59);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> runs.count() == 1);
    }
}
