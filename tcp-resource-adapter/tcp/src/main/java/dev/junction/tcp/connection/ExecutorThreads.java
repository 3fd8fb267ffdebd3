package dev.junction.tcp.connection;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Refuses, when the factory is made, an executor that can never run the long-lived tasks of an NIO factory side by
 * side: with too few threads the selector and its watch would hold all of them and a task queued behind them (setting
 * up an accepted connection) would wait forever, a hang with no error. Only the executors whose thread limit can be
 * read are checked; others are taken on trust, as the factories' documentation asks.
 */
final class ExecutorThreads {

    private ExecutorThreads() {
    }

    /**
     * @param factory the factory's class, named in the problem
     * @param options the options: how many selectors run, and whether each has a watch (not with a zero
     *                {@code selectorHandOff})
     * @return what is wrong, with the fix, when the executor is a thread pool that never runs enough threads at
     *     once; {@code null} when it is not
     */
    static String shortage(Class<?> factory, TcpConnectionOptions options, Executor executor) {
        boolean watched = !options.selectorHandOff().isZero();
        int selectors = options.selectors();
        int needed = selectors * (watched ? 2 : 1) + 1;
        int available = threadLimit(executor);
        if (available >= needed) {
            return null;
        }
        String loops = selectors == 1 ? "the selector" + (watched ? ", its watch" : "")
                : "its " + selectors + " selectors" + (watched ? " and their watches" : "");
        return "JNC-0720 " + factory.getSimpleName() + " needs an executor that runs at least " + needed
                + " tasks at once (" + loops + " and the connections' set-up and delivery tasks), but " + executor
                + " runs at most " + available + ": give it more threads"
                + (watched ? ", or set TcpConnectionOptions.selectorHandOff(Duration.ZERO), which needs "
                        + (selectors + 1) : "")
                + (selectors > 1 ? ", or fewer TcpConnectionOptions.selectors" : "");
    }

    /** @return how many tasks the executor can run at once, or {@link Integer#MAX_VALUE} when it cannot be told */
    private static int threadLimit(Executor executor) {
        if (executor instanceof ScheduledThreadPoolExecutor pool) {
            return pool.getCorePoolSize(); // a scheduled pool never grows past its core threads
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            // a pool grows past its core threads only when its queue is full; an unbounded queue never is
            return pool.getQueue().remainingCapacity() == Integer.MAX_VALUE ? pool.getCorePoolSize()
                    : pool.getMaximumPoolSize();
        }
        return Integer.MAX_VALUE;
    }
}
