package dev.junction.impl.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.api.trigger.PeriodicTrigger;
import dev.junction.impl.testing.LogRecorder;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimpleTaskSchedulerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(2);

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void fixedDelayWaitsThePeriodAfterEachRunEnds() {
        RecordingTrigger trigger = new RecordingTrigger(PeriodicTrigger.fixedDelay(Duration.ofMillis(100)));
        RunLog slowTask = new RunLog(Duration.ofMillis(150));

        ScheduledFuture<?> schedule = scheduler.schedule(slowTask, trigger);
        await().atMost(PATIENCE).until(() -> slowTask.count() >= 3);
        schedule.cancel(false);

        for (int run = 0; run < 2; run++) {
            assertThat(trigger.due(run + 1)).isEqualTo(trigger.endOf(run).plus(Duration.ofMillis(100)));
            assertThat(slowTask.gapAfter(run)).isGreaterThanOrEqualTo(Duration.ofMillis(100).minus(RunLog.CLOCK_SLACK));
        }
    }

    @Test
    void fixedRateKeepsTheCadenceOfTheScheduledStarts() {
        RecordingTrigger trigger = new RecordingTrigger(PeriodicTrigger.fixedRate(Duration.ofMillis(100)));
        RunLog task = new RunLog(Duration.ofMillis(30));

        ScheduledFuture<?> schedule = scheduler.schedule(task, trigger);
        await().atMost(PATIENCE).until(() -> task.count() >= 4);
        schedule.cancel(false);

        // A busy machine may start any run late, so the cadence is judged on the due times, and each run only on
        // not starting before its own due time (a late first run must not make the next on-time run look early).
        for (int run = 0; run < 3; run++) {
            assertThat(trigger.due(run + 1)).isEqualTo(trigger.due(run).plus(Duration.ofMillis(100)));
        }
        for (int run = 0; run < 4; run++) {
            assertThat(task.runs.get(run).startedAt())
                    .isAfterOrEqualTo(trigger.due(run).toInstant().minus(RunLog.CLOCK_SLACK));
        }
    }

    @Test
    void theFirstRunWaitsForTheInitialDelay() {
        RunLog task = new RunLog();
        long scheduledAt = System.nanoTime();

        scheduler.schedule(task, PeriodicTrigger.fixedDelay(Duration.ofMillis(50)).withInitialDelay(Duration.ofMillis(300)));
        await().atMost(PATIENCE).until(() -> task.count() >= 1);

        assertThat(Duration.ofNanos(task.runs.get(0).startNanos() - scheduledAt))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300).minus(RunLog.CLOCK_SLACK));
    }

    @Test
    void theScheduleTellsTheTimeToItsNextRun() {
        ScheduledFuture<?> schedule = scheduler.schedule(new RunLog(),
                PeriodicTrigger.fixedDelay(Duration.ofHours(1)).withInitialDelay(Duration.ofHours(1)));

        assertThat(schedule.getDelay(TimeUnit.MINUTES)).isBetween(59L, 60L);
        assertThat(schedule.isDone()).isFalse();
    }

    @Test
    void cancellingStopsFurtherRuns() throws Exception {
        RunLog task = new RunLog();
        ScheduledFuture<?> schedule = scheduler.schedule(task, PeriodicTrigger.fixedDelay(Duration.ofMillis(20)));
        await().atMost(PATIENCE).until(() -> task.count() >= 2);

        assertThat(schedule.cancel(false)).isTrue();

        assertThat(schedule.isCancelled()).isTrue();
        assertThat(schedule.isDone()).isTrue();
        assertThat(schedule.cancel(false)).as("a second cancel").isFalse();
        assertThatThrownBy(schedule::get).isInstanceOf(CancellationException.class);
        int runsAtCancel = task.count();
        // a run that was starting at the moment of the cancel may still complete; none after it
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> task.count() <= runsAtCancel + 1);
    }

    @Test
    void cancellingWithInterruptStopsARunUnderWay() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        ScheduledFuture<?> schedule = scheduler.schedule(() -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }, PeriodicTrigger.fixedDelay(Duration.ofMillis(10)));
        await().atMost(PATIENCE).until(() -> started.getCount() == 0);

        schedule.cancel(true);

        await().atMost(PATIENCE).untilTrue(interrupted);
    }

    @Test
    void aFailingTaskIsLoggedAndItsScheduleContinues() {
        AtomicInteger runs = new AtomicInteger();
        try (LogRecorder log = LogRecorder.silencing(TaskScheduler.class)) {
            ScheduledFuture<?> schedule = scheduler.schedule(() -> {
                runs.incrementAndGet();
                throw new IllegalStateException("poll failed");
            }, PeriodicTrigger.fixedDelay(Duration.ofMillis(10)));

            await().atMost(PATIENCE).until(() -> runs.get() >= 3);

            assertThat(schedule.isDone()).isFalse();
            schedule.cancel(false);
            assertThat(log.at(Level.SEVERE)).isNotEmpty().allSatisfy(record -> {
                assertThat(record.getThrown()).hasMessage("poll failed");
                assertThat(record.getMessage()).contains("its schedule continues");
            });
        }
    }

    @Test
    void anErrorEndsTheScheduleWithIt() {
        AtomicInteger runs = new AtomicInteger();
        try (LogRecorder log = LogRecorder.silencing(TaskScheduler.class)) {
            ScheduledFuture<?> schedule = scheduler.schedule(() -> {
                runs.incrementAndGet();
                throw new AssertionError("broken");
            }, PeriodicTrigger.fixedDelay(Duration.ofMillis(10)));

            assertThatThrownBy(() -> schedule.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AssertionError.class);
            assertThat(runs).hasValue(1);
            assertThat(log.at(Level.SEVERE)).singleElement()
                    .satisfies(record -> assertThat(record.getMessage()).contains("its schedule ends"));
        }
    }

    @Test
    void theScheduleEndsWhenTheTriggerHasNoMoreRuns() throws Exception {
        RunLog task = new RunLog();
        ScheduledFuture<?> schedule = scheduler.schedule(task, limitedTo(3, PeriodicTrigger.fixedDelay(Duration.ofMillis(10))));

        assertThat(schedule.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();

        assertThat(task.count()).isEqualTo(3);
        assertThat(schedule.isDone()).isTrue();
        assertThat(schedule.isCancelled()).isFalse();
        assertThat(schedule.cancel(true)).isFalse();
    }

    @Test
    void aTriggerWithNoRunAtAllEndsTheScheduleAtOnce() throws Exception {
        RunLog task = new RunLog();
        ScheduledFuture<?> schedule = scheduler.schedule(task, limitedTo(0, PeriodicTrigger.fixedDelay(Duration.ofMillis(10))));

        assertThat(schedule.isDone()).isTrue();
        assertThat(schedule.get()).isNull();
        assertThat(task.count()).isZero();
    }

    @Test
    void theOutcomeIsTheLastRunsFailure() {
        try (LogRecorder log = LogRecorder.silencing(TaskScheduler.class)) {
            ScheduledFuture<?> once = scheduler.schedule(() -> {
                throw new IllegalStateException("boom");
            }, Duration.ofMillis(10));

            assertThatThrownBy(() -> once.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
        }
    }

    @Test
    void skipRunSkipsThatRunAndTheScheduleMovesOn() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ZonedTrigger skipsEverySecondRun = new ZonedTrigger() {
            private final ZonedTrigger periodic = limitedTo(6, PeriodicTrigger.fixedDelay(Duration.ofMillis(10)));

            @Override
            public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
                return periodic.getNextRunTime(lastExecution, taskScheduledTime);
            }

            @Override
            public boolean skipRun(LastExecution lastExecution, ZonedDateTime scheduledRunTime) {
                return asked.incrementAndGet() % 2 == 0;
            }
        };
        RecordingTrigger trigger = new RecordingTrigger(skipsEverySecondRun);
        RunLog task = new RunLog();

        scheduler.schedule(task, trigger).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(task.count()).isEqualTo(3);
        assertThat(trigger.dueTimes).hasSize(6);
        for (int run = 0; run < 5; run++) {
            assertThat(trigger.due(run + 1)).isAfter(trigger.due(run));
        }
    }

    @Test
    void aOneShotWaitsForItsDelay() throws Exception {
        RunLog task = new RunLog();
        long scheduledAt = System.nanoTime();

        ScheduledFuture<?> once = scheduler.schedule(task, Duration.ofMillis(200));

        assertThat(once.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(task.count()).isEqualTo(1);
        assertThat(Duration.ofNanos(task.runs.get(0).startNanos() - scheduledAt))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200).minus(RunLog.CLOCK_SLACK));
    }

    @Test
    void tasksRunOnNamedDaemonThreads() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();

        scheduler.schedule(() -> threads.add(Thread.currentThread()), Duration.ZERO).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.getName()).matches("junction-scheduler-\\d+");
            assertThat(thread.isDaemon()).isTrue();
        });
    }

    @Test
    void closeCancelsEverySchedulesAndWaitsForRunsUnderWay() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        ScheduledFuture<?> slow = scheduler.schedule(() -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finished.set(true);
        }, PeriodicTrigger.fixedDelay(Duration.ofMillis(10)));
        RunLog other = new RunLog();
        ScheduledFuture<?> fast = scheduler.schedule(other, PeriodicTrigger.fixedDelay(Duration.ofMillis(10)));
        await().atMost(PATIENCE).until(() -> started.getCount() == 0 && other.count() > 0);

        scheduler.close();

        assertThat(finished).as("the run under way finished before close returned").isTrue();
        assertThat(slow.isCancelled()).isTrue();
        assertThat(fast.isCancelled()).isTrue();
        int runsAtClose = other.count();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> other.count() == runsAtClose);
        assertThatThrownBy(() -> scheduler.schedule(new RunLog(), Duration.ZERO))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("closed");
        scheduler.close(); // idempotent
    }

    @Test
    void closeInterruptsRunsThatOutlastTheCloseTimeout() {
        try (SimpleTaskScheduler impatient = new SimpleTaskScheduler(1, Duration.ofMillis(100));
                LogRecorder log = LogRecorder.silencing(TaskScheduler.class)) {
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            impatient.schedule(() -> {
                started.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }, Duration.ZERO);
            await().atMost(PATIENCE).until(() -> started.getCount() == 0);

            impatient.close();

            await().atMost(PATIENCE).untilTrue(interrupted);
            assertThat(log.at(Level.WARNING)).isNotEmpty();
        }
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new SimpleTaskScheduler(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one thread");
        assertThatThrownBy(() -> new SimpleTaskScheduler(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.schedule(null, Duration.ZERO)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> scheduler.schedule(new RunLog(), (ZonedTrigger) null))
                .isInstanceOf(NullPointerException.class);
        assertThat(SimpleTaskScheduler.DEFAULT_POOL_SIZE).isGreaterThanOrEqualTo(2);
    }

    /** {@code trigger}'s run times, but only {@code runs} of them. */
    static ZonedTrigger limitedTo(int runs, ZonedTrigger trigger) {
        AtomicInteger asked = new AtomicInteger();
        return new ZonedTrigger() {
            @Override
            public ZonedDateTime getNextRunTime(LastExecution lastExecution, ZonedDateTime taskScheduledTime) {
                return asked.getAndIncrement() < runs ? trigger.getNextRunTime(lastExecution, taskScheduledTime) : null;
            }
        };
    }
}
