package dev.junction.impl.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.enterprise.concurrent.CronTrigger;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jakarta Concurrency's own {@link CronTrigger}, run by our scheduler in real time. */
class CronSchedulingTest {

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void aCronTriggerEverySecondRunsOncePerSecond() {
        RecordingTrigger trigger = new RecordingTrigger(new CronTrigger("* * * * * *", ZoneId.systemDefault()));
        RunLog task = new RunLog();

        ScheduledFuture<?> schedule = scheduler.schedule(task, trigger);
        await().atMost(Duration.ofSeconds(15)).until(() -> task.count() >= 3);
        schedule.cancel(false);

        List<ZonedDateTime> due = List.copyOf(trigger.dueTimes);
        assertThat(due).doesNotHaveDuplicates().allSatisfy(time -> assertThat(time.getNano()).isZero());
        for (int run = 0; run + 1 < due.size(); run++) {
            assertThat(Duration.between(due.get(run), due.get(run + 1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void weekdayCronExpressionsFromThePollerExamplesAreAccepted() {
        ZoneId zone = ZoneId.of("UTC");
        ZonedDateTime sundayNoon = ZonedDateTime.of(2030, 3, 3, 12, 0, 0, 0, zone);

        assertThat(new CronTrigger("*/10 * * * * MON-FRI", zone).getNextRunTime(null, sundayNoon))
                .isEqualTo(ZonedDateTime.of(2030, 3, 4, 0, 0, 0, 0, zone));
        assertThat(new CronTrigger("30 * 9-17 * * MON-FRI", zone).getNextRunTime(null, sundayNoon))
                .isEqualTo(ZonedDateTime.of(2030, 3, 4, 9, 0, 30, 0, zone));
    }
}
