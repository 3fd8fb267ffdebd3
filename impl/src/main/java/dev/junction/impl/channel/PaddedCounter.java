package dev.junction.impl.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter alone on its cache line. {@link HandoffQueue} keeps one count that only its senders write and one that
 * only its receivers write: padded apart, a sender and a receiver on two cores each update a line their own core
 * already holds, instead of pulling one shared line back and forth for every element.
 *
 * <p>The padding is in superclasses because the JVM lays out a superclass's fields before its subclass's, whatever
 * their order within one class.
 */
final class PaddedCounter extends PaddedCounterValue {

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(PaddedCounterValue.class, "value", long.class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    long padAfter0;
    long padAfter1;
    long padAfter2;
    long padAfter3;
    long padAfter4;
    long padAfter5;
    long padAfter6;

    long companion() {
        return companion;
    }

    void companion(long value) {
        companion = value;
    }

    long get() {
        return value;
    }

    boolean compareAndSet(long expected, long next) {
        return VALUE.compareAndSet(this, expected, next);
    }

    /** @return the value before the addition */
    long getAndAdd(long delta) {
        return (long) VALUE.getAndAdd(this, delta);
    }
}

/** The counted value, after the padding of {@link PaddedCounterPadding}. */
abstract class PaddedCounterValue extends PaddedCounterPadding {
    volatile long value;
    /**
     * A plain value the counter's writers keep on the same line, read and written without ordering (the owner
     * decides what a stale read means).
     */
    long companion;
}

/** The padding before the value: 56 bytes, so no other object's field shares the value's line. */
abstract class PaddedCounterPadding {
    long padBefore0;
    long padBefore1;
    long padBefore2;
    long padBefore3;
    long padBefore4;
    long padBefore5;
    long padBefore6;
}
