package dev.junction.impl.delayer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A scheduled executor for delayers that notes, each time a run is scheduled, what a probe says at that moment
 * (whether the flow downstream runs, whether a transaction committed): tests assert on the order of events without
 * timing anything. Its threads are named {@code probing-scheduler-n}.
 */
public final class ProbingScheduler<T> extends ScheduledThreadPoolExecutor {

    private final Supplier<T> probe;
    private final List<T> observed = new CopyOnWriteArrayList<>();

    public ProbingScheduler(Supplier<T> probe) {
        super(2, runnable -> {
            Thread thread = new Thread(runnable, "probing-scheduler-" + System.identityHashCode(runnable));
            thread.setDaemon(true);
            return thread;
        });
        this.probe = probe;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        observed.add(probe.get());
        return super.schedule(command, delay, unit);
    }

    /** @return what the probe said at each scheduled run, in order */
    public List<T> observed() {
        return List.copyOf(observed);
    }
}
