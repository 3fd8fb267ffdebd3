package dev.junction.impl.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.trigger.PeriodicTrigger;
import dev.junction.impl.testing.LogRecorder;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorTaskSchedulerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void closeCancelsTheSchedulesButLeavesTheCallersExecutorRunning() throws Exception {
        ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler(executor);
        RunLog task = new RunLog();
        ScheduledFuture<?> schedule = scheduler.schedule(task, PeriodicTrigger.fixedDelay(Duration.ofMillis(10)));
        await().atMost(PATIENCE).until(() -> task.count() >= 2);

        scheduler.close();

        assertThat(schedule.isCancelled()).isTrue();
        assertThat(executor.isShutdown()).isFalse();
        assertThat(executor.submit(() -> "still usable").get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("still usable");
        assertThatThrownBy(() -> scheduler.schedule(task, Duration.ZERO)).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aTriggerFailingOnTheFirstRunTimeFailsTheCallToSchedule() {
        ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler(executor);
        ZonedTrigger broken = (lastExecution, taskScheduledTime) -> {
            throw new IllegalStateException("no schedule today");
        };

        assertThatThrownBy(() -> scheduler.schedule(new RunLog(), broken)).hasMessage("no schedule today");
    }

    /**
     * A known trap of CronTrigger: when a run ends, by the wall clock, no later than it was due, a cron trigger
     * returns that same time again. A clock standing still makes every run end exactly when it started; each
     * second must still run once only.
     */
    @Test
    void aCronTriggerNeverRunsTwiceForTheSameTimeEvenWhenTheClockStandsStill() {
        Instant monday = Instant.parse("2030-03-04T10:00:05Z");
        ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler(executor, Clock.fixed(monday, ZoneOffset.UTC));
        RecordingTrigger trigger = new RecordingTrigger(new CronTrigger("* * * * * *", ZoneOffset.UTC));
        RunLog task = new RunLog();

        ScheduledFuture<?> schedule = scheduler.schedule(task, trigger);
        await().atMost(PATIENCE).until(() -> task.count() >= 3);
        schedule.cancel(false);

        assertThat(trigger.dueTimes.subList(0, 3)).extracting(ZonedDateTime::toInstant)
                .containsExactly(monday, monday.plusSeconds(1), monday.plusSeconds(2));
    }

    @Test
    void aTriggerRepeatingTheTimeOfTheLastRunEndsTheSchedule() {
        ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler(executor);
        ZonedTrigger stuck = (lastExecution, taskScheduledTime) -> lastExecution == null
                ? taskScheduledTime
                : lastExecution.getScheduledStart(taskScheduledTime.getZone());
        RunLog task = new RunLog();

        try (LogRecorder log = LogRecorder.silencing(TaskScheduler.class)) {
            ScheduledFuture<?> schedule = scheduler.schedule(task, stuck);

            assertThatThrownBy(() -> schedule.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("never runs twice");
            assertThat(task.count()).isEqualTo(1);
            assertThat(log.at(Level.SEVERE)).hasSize(1);
        }
    }

    @Test
    void theTriggerIsToldAboutEachRun() throws Exception {
        Instant start = Instant.parse("2030-03-04T10:00:00Z");
        ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler(executor, Clock.fixed(start, ZoneOffset.UTC));
        RecordingTrigger trigger = new RecordingTrigger(
                SimpleTaskSchedulerTest.limitedTo(2, PeriodicTrigger.fixedRate(Duration.ofMillis(10))));

        scheduler.schedule(new RunLog(), trigger).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        List<LastExecution> runs = trigger.lastExecutions;
        assertThat(runs).hasSize(2);
        LastExecution first = runs.get(0);
        assertThat(first.getScheduledStart(ZoneOffset.UTC).toInstant()).isEqualTo(start);
        assertThat(first.getRunStart(ZoneOffset.UTC).toInstant()).isEqualTo(start);
        assertThat(first.getRunEnd(ZoneOffset.UTC).toInstant()).isEqualTo(start);
        assertThat(first.getResult()).isNull();
        assertThat(first.getIdentityName()).isNull();
        assertThat(runs.get(1).getScheduledStart(ZoneOffset.UTC).toInstant()).isEqualTo(start.plusMillis(10));
    }
}
