package dev.junction.api.poller;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.trigger.PeriodicTrigger;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Describes a poller: exactly one of fixed delay, fixed rate, cron or a trigger of one's own, plus the poll
 * options. {@link #build()} checks the combination and names every conflict.
 *
 * <pre>{@code
 * PollerMetadata poller = PollerSpec.fixedDelay(Duration.ofMillis(100)).maxMessagesPerPoll(10).build();
 * }</pre>
 */
public final class PollerSpec {

    private final String owner;
    private Duration fixedDelay;
    private Duration fixedRate;
    private String cron;
    private ZoneId zone = ZoneId.systemDefault();
    private ZonedTrigger trigger;
    private Duration initialDelay;
    private Integer maxMessagesPerPoll;
    private Duration receiveTimeout = PollerMetadata.DEFAULT_RECEIVE_TIMEOUT;
    private Executor taskExecutor;
    private MessageChannel errorChannel;
    private String errorChannelName;
    private final List<PollAdvice> adviceChain = new ArrayList<>();
    private final List<ReceiveMessageAdvice> receiveAdvices = new ArrayList<>();
    private PollerMetadata.Transaction transaction;

    private PollerSpec(String owner) {
        this.owner = owner;
    }

    /** @param owner what the poller belongs to (an endpoint id), for error messages; may be {@code null} */
    public static PollerSpec forOwner(String owner) {
        return new PollerSpec(owner);
    }

    public static PollerSpec fixedDelay(Duration delay) {
        return new PollerSpec(null).withFixedDelay(delay);
    }

    public static PollerSpec fixedRate(Duration rate) {
        return new PollerSpec(null).withFixedRate(rate);
    }

    public static PollerSpec cron(String expression) {
        return new PollerSpec(null).withCron(expression);
    }

    public static PollerSpec trigger(ZonedTrigger trigger) {
        return new PollerSpec(null).withTrigger(trigger);
    }

    /** Polls again {@code delay} after the previous poll ended. */
    public PollerSpec withFixedDelay(Duration delay) {
        this.fixedDelay = delay;
        return this;
    }

    /** Polls every {@code rate}, measured from the start of the previous poll. */
    public PollerSpec withFixedRate(Duration rate) {
        this.fixedRate = rate;
        return this;
    }

    /** Polls on a cron schedule (Jakarta Concurrency syntax, 5 or 6 fields). */
    public PollerSpec withCron(String expression) {
        this.cron = expression;
        return this;
    }

    /** The time zone of a cron schedule (default: the system's). */
    public PollerSpec zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /** Polls when a trigger of one's own says (a dynamic or compound trigger, ...). */
    public PollerSpec withTrigger(ZonedTrigger trigger) {
        this.trigger = trigger;
        return this;
    }

    /** Waits this long before the first poll (fixed delay and fixed rate only). */
    public PollerSpec initialDelay(Duration initialDelay) {
        this.initialDelay = initialDelay;
        return this;
    }

    /** The most messages one poll takes; negative for unbounded. */
    public PollerSpec maxMessagesPerPoll(int max) {
        this.maxMessagesPerPoll = max;
        return this;
    }

    /** How long a poll waits on a pollable channel (default {@link PollerMetadata#DEFAULT_RECEIVE_TIMEOUT}). */
    public PollerSpec receiveTimeout(Duration timeout) {
        this.receiveTimeout = Objects.requireNonNull(timeout, "receiveTimeout");
        return this;
    }

    /** Runs polls on this executor instead of the scheduler's thread. */
    public PollerSpec taskExecutor(Executor executor) {
        this.taskExecutor = executor;
        return this;
    }

    /** Failures of polls go to this channel as error messages. */
    public PollerSpec errorChannel(MessageChannel channel) {
        this.errorChannel = channel;
        return this;
    }

    /** Failures of polls go to the channel of this name (resolved when the endpoint is built). */
    public PollerSpec errorChannelName(String name) {
        this.errorChannelName = name == null || name.isEmpty() ? null : name;
        return this;
    }

    /**
     * Runs each poll in a transaction of the runtime's transaction manager (JTA): the receive and the whole
     * synchronous flow after it commit together, or roll back together when the flow fails. Advices run outside it.
     */
    public PollerSpec transactional() {
        this.transaction = new PollerMetadata.Transaction(null);
        return this;
    }

    /** As {@link #transactional()}, with a transaction timeout. */
    public PollerSpec transactional(Duration timeout) {
        this.transaction = new PollerMetadata.Transaction(Objects.requireNonNull(timeout, "timeout"));
        return this;
    }

    /** Adds advices around each whole poll; the first added is outermost. */
    public PollerSpec advice(PollAdvice... advices) {
        adviceChain.addAll(Arrays.asList(advices));
        return this;
    }

    /** Adds advices around the receive part of each poll. */
    public PollerSpec receiveAdvice(ReceiveMessageAdvice... advices) {
        receiveAdvices.addAll(Arrays.asList(advices));
        return this;
    }

    /**
     * @throws IllegalStateException listing every problem, each with its code ({@code JNC-0201} to
     *         {@code JNC-0207}): no trigger or more than one, an initial delay with cron or a custom trigger,
     *         non-positive periods, a negative initial delay or receive timeout, both an error channel and an error
     *         channel name, an invalid cron expression
     */
    public PollerMetadata build() {
        List<String> problems = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        if (fixedDelay != null) {
            triggers.add("fixedDelay");
        }
        if (fixedRate != null) {
            triggers.add("fixedRate");
        }
        if (cron != null) {
            triggers.add("cron");
        }
        if (trigger != null) {
            triggers.add("trigger");
        }
        if (triggers.isEmpty()) {
            problems.add("JNC-0201 it sets none of fixedDelay, fixedRate, cron, trigger; set exactly one");
        } else if (triggers.size() > 1) {
            problems.add("JNC-0201 it sets " + String.join(" and ", triggers) + "; these are mutually exclusive,"
                    + " set exactly one");
        }
        if (initialDelay != null && (cron != null || trigger != null)) {
            problems.add("JNC-0202 initialDelay applies to fixedDelay and fixedRate only, not to cron or a custom"
                    + " trigger");
        }
        positive(fixedDelay, "fixedDelay", problems);
        positive(fixedRate, "fixedRate", problems);
        if (initialDelay != null && initialDelay.isNegative()) {
            problems.add("JNC-0204 initialDelay must not be negative, was " + initialDelay);
        }
        if (receiveTimeout.isNegative()) {
            problems.add("JNC-0205 receiveTimeout must not be negative, was " + receiveTimeout);
        }
        if (errorChannel != null && errorChannelName != null) {
            problems.add("JNC-0206 it sets both an error channel and an error channel name; set one");
        }
        if (transaction != null && transaction.timeout() != null
                && (transaction.timeout().isNegative() || transaction.timeout().isZero())) {
            problems.add("the transaction timeout must be positive, was " + transaction.timeout());
        }
        ZonedTrigger effective = problems.isEmpty() ? effectiveTrigger(problems) : null;
        if (!problems.isEmpty()) {
            // one check may find several problems, so each carries its own code, as a gateway's problems do
            throw new IllegalStateException("Invalid poller" + (owner == null ? "" : " of '" + owner + "'") + ": "
                    + String.join("; ", problems));
        }
        return new PollerMetadata(effective, maxMessagesPerPoll, receiveTimeout, taskExecutor, errorChannel,
                errorChannelName, adviceChain, receiveAdvices, transaction);
    }

    private ZonedTrigger effectiveTrigger(List<String> problems) {
        if (trigger != null) {
            return trigger;
        }
        if (cron != null) {
            try {
                return new CronTrigger(cron, zone);
            } catch (RuntimeException invalid) {
                problems.add("JNC-0207 the cron expression '" + cron + "' is invalid: " + invalid.getMessage());
                return null;
            }
        }
        PeriodicTrigger periodic = fixedDelay != null ? PeriodicTrigger.fixedDelay(fixedDelay) : PeriodicTrigger.fixedRate(fixedRate);
        return initialDelay == null ? periodic : periodic.withInitialDelay(initialDelay);
    }

    private static void positive(Duration value, String name, List<String> problems) {
        if (value != null && (value.isZero() || value.isNegative())) {
            problems.add("JNC-0203 " + name + " must be positive, was " + value);
        }
    }
}
