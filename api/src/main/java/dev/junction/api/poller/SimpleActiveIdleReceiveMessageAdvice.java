package dev.junction.api.poller;

import dev.junction.api.message.Message;
import dev.junction.api.trigger.DynamicPeriodicTrigger;
import java.time.Duration;
import java.util.Objects;

/**
 * Adapts how often a poller polls to whether there is work: after a receive that returned a message the trigger
 * gets the (short) active period, after one that returned nothing the (long) idle period. The poller must be
 * scheduled with the very {@link DynamicPeriodicTrigger} given here.
 *
 * <p>The new period applies from the next run time the scheduler asks for, which it does once the poll is over.
 * With a {@code maxMessagesPerPoll} above one, every receive of a poll passes through this advice, so the last
 * one decides: a poll that drains a channel ends with an empty receive and hence the idle period. The advice is
 * meant for source adapters (one message per poll by default) and consumers limited to one message per poll.
 *
 * <p><b>Only without a task executor.</b> The trigger must be changed before the scheduler computes the next run
 * time, that is on the poller's own thread within the run. With a task executor the poll runs later on another
 * thread, after the next run time was already computed from the old period, so the change always comes one
 * firing late and races with it. To hand work off to other threads, do it downstream (an executor channel).
 */
public final class SimpleActiveIdleReceiveMessageAdvice implements ReceiveMessageAdvice {

    private final DynamicPeriodicTrigger trigger;
    private final Duration activePeriod;
    private final Duration idlePeriod;

    /**
     * @param trigger the poller's trigger
     * @param activePeriod the period after a receive that returned a message, positive
     * @param idlePeriod the period after a receive that returned nothing, positive
     * @throws IllegalArgumentException if a period is not positive
     */
    public SimpleActiveIdleReceiveMessageAdvice(DynamicPeriodicTrigger trigger, Duration activePeriod,
            Duration idlePeriod) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.activePeriod = positive(activePeriod, "activePeriod");
        this.idlePeriod = positive(idlePeriod, "idlePeriod");
    }

    private static Duration positive(Duration period, String name) {
        Objects.requireNonNull(period, name);
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("JNC-0211 The " + name + " of an active/idle advice must be positive,"
                    + " was " + period);
        }
        return period;
    }

    @Override
    public Message<?> afterReceive(Message<?> result, Object source) {
        Duration wanted = result != null ? activePeriod : idlePeriod;
        if (!wanted.equals(trigger.period())) {
            trigger.setPeriod(wanted);
        }
        return result;
    }

    public Duration getActivePeriod() {
        return activePeriod;
    }

    public Duration getIdlePeriod() {
        return idlePeriod;
    }

    @Override
    public String toString() {
        return "SimpleActiveIdleReceiveMessageAdvice[active=" + activePeriod + ", idle=" + idlePeriod + "]";
    }
}
