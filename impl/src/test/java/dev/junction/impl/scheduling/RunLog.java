package dev.junction.impl.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A task for tests that records when each of its runs started and ended (monotonic clock, and the wall clock's start). */
class RunLog implements Runnable {

    /**
     * The scheduler waits by the monotonic clock for run times it computes with the wall clock; the two may drift
     * apart by a little, so lower bounds on measured gaps allow this much.
     */
    static final Duration CLOCK_SLACK = Duration.ofMillis(15);

    record Run(long startNanos, long endNanos, Instant startedAt) {
    }

    private final Duration workTime;
    final List<Run> runs = new CopyOnWriteArrayList<>();

    RunLog() {
        this(Duration.ZERO);
    }

    /** A task that works (sleeps) for {@code workTime} on each run. */
    RunLog(Duration workTime) {
        this.workTime = workTime;
    }

    @Override
    public void run() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        if (!workTime.isZero()) {
            try {
                Thread.sleep(workTime.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runs.add(new Run(start, System.nanoTime(), startedAt));
    }

    int count() {
        return runs.size();
    }

    /** Time from the end of run {@code run} to the start of the next one. */
    Duration gapAfter(int run) {
        return Duration.ofNanos(runs.get(run + 1).startNanos() - runs.get(run).endNanos());
    }
}
