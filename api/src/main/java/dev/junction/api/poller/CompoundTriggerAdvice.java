package dev.junction.api.poller;

import dev.junction.api.message.Message;
import dev.junction.api.trigger.CompoundTrigger;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.util.Objects;

/**
 * Switches a poller between two schedules by what its receives return: after a receive that returned nothing the
 * {@code override} trigger takes charge of the {@link CompoundTrigger} (set as its secondary); after one that
 * returned a message the primary is back in charge. For example an hourly cron schedule that, while the source is
 * empty, is replaced by polling every minute until a message turns up. The poller must be scheduled with the very
 * {@code CompoundTrigger} given here.
 *
 * <p>The switch applies from the next run time the scheduler asks for, once the poll is over. With a
 * {@code maxMessagesPerPoll} above one, the last receive of a poll decides.
 *
 * <p><b>Only without a task executor.</b> The trigger must change on the poller's own thread within the run,
 * before the scheduler computes the next run time; with a task executor the poll runs later on another thread and
 * the switch comes too late and races with the scheduler. Hand work off downstream (an executor channel) instead.
 */
public final class CompoundTriggerAdvice implements ReceiveMessageAdvice {

    private final CompoundTrigger trigger;
    private final ZonedTrigger override;

    /**
     * @param trigger the poller's trigger
     * @param override the trigger in charge while receives return nothing
     */
    public CompoundTriggerAdvice(CompoundTrigger trigger, ZonedTrigger override) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.override = Objects.requireNonNull(override, "override");
    }

    @Override
    public Message<?> afterReceive(Message<?> result, Object source) {
        if (result == null) {
            trigger.setSecondary(override);
        } else {
            trigger.clearSecondary();
        }
        return result;
    }

    @Override
    public String toString() {
        return "CompoundTriggerAdvice[override=" + override + "]";
    }
}
