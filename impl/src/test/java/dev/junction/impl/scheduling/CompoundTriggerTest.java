package dev.junction.impl.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.trigger.CompoundTrigger;
import dev.junction.api.trigger.PeriodicTrigger;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompoundTriggerTest {

    private static final ZonedDateTime SCHEDULED_AT = ZonedDateTime.of(2030, 3, 4, 10, 20, 0, 0, ZoneOffset.UTC);
    private static final LastRun LAST_RUN = new LastRun(Instant.parse("2030-03-04T10:20:00Z"),
            Instant.parse("2030-03-04T10:20:00Z"), Instant.parse("2030-03-04T10:20:01Z"));

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void thePrimaryDecidesWhileNoSecondaryIsSet() {
        CompoundTrigger trigger = new CompoundTrigger(new CronTrigger("0 * * * *", ZoneOffset.UTC)); // hourly

        assertThat(trigger.getNextRunTime(LAST_RUN, SCHEDULED_AT)).isEqualTo(SCHEDULED_AT.withMinute(0).plusHours(1));
        assertThat(trigger.secondary()).isEmpty();
    }

    @Test
    void theSecondaryDecidesWhileItIsSetAndThePrimaryAgainOnceCleared() {
        CompoundTrigger trigger = new CompoundTrigger(new CronTrigger("0 * * * *", ZoneOffset.UTC));
        PeriodicTrigger everyMinute = PeriodicTrigger.fixedDelay(Duration.ofMinutes(1));

        trigger.setSecondary(everyMinute);
        assertThat(trigger.secondary()).contains(everyMinute);
        assertThat(trigger.getNextRunTime(LAST_RUN, SCHEDULED_AT).toInstant())
                .isEqualTo(Instant.parse("2030-03-04T10:21:01Z"));

        trigger.clearSecondary();
        assertThat(trigger.getNextRunTime(LAST_RUN, SCHEDULED_AT).toInstant())
                .isEqualTo(Instant.parse("2030-03-04T11:00:00Z"));
    }

    @Test
    void skipRunIsAskedOfTheTriggerInCharge() {
        ZonedTrigger skipsEverything = new ZonedTrigger() {
            @Override
            public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
                return taskScheduledTime;
            }

            @Override
            public boolean skipRun(LastExecution lastExecution, ZonedDateTime scheduledRunTime) {
                return true;
            }
        };
        CompoundTrigger trigger = new CompoundTrigger(PeriodicTrigger.fixedDelay(Duration.ofSeconds(1)));

        assertThat(trigger.skipRun(LAST_RUN, SCHEDULED_AT)).isFalse();
        trigger.setSecondary(skipsEverything);
        assertThat(trigger.skipRun(LAST_RUN, SCHEDULED_AT)).isTrue();
    }

    @Test
    void itsZoneIsThePrimarys() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        CompoundTrigger trigger = new CompoundTrigger(new CronTrigger("0 * * * *", tokyo));
        trigger.setSecondary(PeriodicTrigger.fixedDelay(Duration.ofSeconds(1)));

        assertThat(trigger.getZoneId()).isEqualTo(tokyo);
    }

    @Test
    void aNullSecondaryIsRefusedInFavourOfClearSecondary() {
        CompoundTrigger trigger = new CompoundTrigger(PeriodicTrigger.fixedDelay(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> trigger.setSecondary(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("clearSecondary");
        assertThatThrownBy(() -> new CompoundTrigger(null)).isInstanceOf(NullPointerException.class);
    }

    /**
     * The smart-polling case: an hourly primary, a fast secondary set by the task itself (as an advice does when a
     * poll finds nothing) and cleared again after a few runs.
     */
    @Test
    void aScheduleSwitchesToTheSecondaryAndBackWhileRunning() {
        CompoundTrigger compound = new CompoundTrigger(PeriodicTrigger.fixedDelay(Duration.ofHours(1)));
        RecordingTrigger trigger = new RecordingTrigger(compound);
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> schedule = scheduler.schedule(() -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                compound.setSecondary(PeriodicTrigger.fixedDelay(Duration.ofMillis(20)));
            } else if (run == 3) {
                compound.clearSecondary();
            }
        }, trigger);

        await().atMost(Duration.ofSeconds(10)).until(() -> schedule.getDelay(TimeUnit.MINUTES) >= 59);

        assertThat(runs).hasValue(3);
        assertThat(trigger.due(1)).isEqualTo(trigger.endOf(0).plus(Duration.ofMillis(20)));
        assertThat(trigger.due(2)).isEqualTo(trigger.endOf(1).plus(Duration.ofMillis(20)));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 3);
    }
}
