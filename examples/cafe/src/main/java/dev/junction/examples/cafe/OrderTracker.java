package dev.junction.examples.cafe;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Knows which drinks are still outstanding, so that the program can wait until every drink is either served or
 * reported failed, and no longer than it is willing to.
 *
 * <p>An explicit lock, not {@code synchronized} methods: callers hold a CDI client proxy, whose generated methods
 * keep the {@code synchronized} modifier and lock the proxy, so a waiting caller would keep every other caller
 * out of the proxy while it waits.
 */
@ApplicationScoped
public class OrderTracker {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Set<OrderItem> outstanding = new LinkedHashSet<>();
    /**
     * The drinks settled so far: a resumed day registers the drinks its database shows outstanding while the baristas
     * already work, and one may settle before it is registered.
     */
    private final Set<OrderItem> settled = new HashSet<>();

    /** Registers an order's drinks as outstanding; called before they reach a barista. */
    public void expect(Order order) {
        expect(order.items());
    }

    /** Registers drinks as outstanding, except those already settled. */
    public void expect(Collection<OrderItem> items) {
        lock.lock();
        try {
            for (OrderItem item : items) {
                if (!settled.contains(item)) {
                    outstanding.add(item);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** A drink was served, or its failure recorded. */
    public void settled(OrderItem item) {
        lock.lock();
        try {
            settled.add(item);
            outstanding.remove(item);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no drink is outstanding.
     *
     * @param patience the longest time to wait
     * @return {@code true} when every drink settled, {@code false} when the patience ran out first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitAllSettled(Duration patience) throws InterruptedException {
        long remaining = patience.toNanos();
        lock.lock();
        try {
            while (!outstanding.isEmpty()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** @return the drinks still outstanding */
    public List<OrderItem> outstanding() {
        lock.lock();
        try {
            return List.copyOf(outstanding);
        } finally {
            lock.unlock();
        }
    }
}
