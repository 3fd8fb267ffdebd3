package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The poller of an endpoint method whose input channel is pollable (a queue channel): how often it receives, and
 * how much per poll. Placed next to the endpoint annotation:
 *
 * <pre>{@code
 * @ServiceActivator(inputChannel = "drinks")
 * @Poller(fixedDelay = 100, maxMessagesPerPoll = 10)
 * public void serve(Drink drink) { ... }
 * }</pre>
 *
 * <p>Exactly one of {@link #fixedDelay()}, {@link #fixedRate()}, {@link #cron()} and {@link #trigger()} must be
 * set. Times are milliseconds; {@link #NOT_SET} means "not given here". A poller on a subscribable input channel (a
 * direct channel) is a deployment error, and so is a pollable input channel without a poller (unless the
 * application declares a {@link DefaultPoller default poller}).
 *
 * <p>{@link #trigger()}, {@link #taskExecutor()} and {@link #adviceChain()} name CDI beans by their
 * {@code @Named} name; each name must resolve to exactly one bean of the type the attribute describes, or the
 * deployment fails naming the method and the attribute.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Poller {

    /** The value of a time attribute meaning: not set. */
    long NOT_SET = Long.MIN_VALUE;

    /** The value of {@link #maxMessagesPerPoll()} meaning: not set, the endpoint's default (consumers: unbounded). */
    int MAX_MESSAGES_NOT_SET = Integer.MIN_VALUE;

    /** @return the pause between the end of one poll and the start of the next, in ms, or {@link #NOT_SET} */
    long fixedDelay() default NOT_SET;

    /** @return the period between the starts of two polls, in ms, or {@link #NOT_SET} */
    long fixedRate() default NOT_SET;

    /** @return a cron expression (Jakarta Concurrency syntax, 5 or 6 fields), or empty for none */
    String cron() default "";

    /** @return the wait before the first poll, in ms (fixed delay and fixed rate only), or {@link #NOT_SET} */
    long initialDelay() default NOT_SET;

    /**
     * @return the most messages one poll takes (negative: unbounded), or {@link #MAX_MESSAGES_NOT_SET} for the
     *         endpoint's default
     */
    int maxMessagesPerPoll() default MAX_MESSAGES_NOT_SET;

    /** @return how long a poll waits for a message, in ms, or {@link #NOT_SET} for the runtime's default (1000 ms) */
    long receiveTimeout() default NOT_SET;

    /** @return the channel failures of polls go to, or empty for the application's {@code errorChannel} */
    String errorChannel() default "";

    /**
     * Whether each poll runs in a JTA transaction: the receive and the whole synchronous flow downstream of each
     * message taken (handlers and the direct channels after them) share the transaction; a failure rolls it back,
     * undoing every write made through enlisted (XA) resources, and goes to the {@link #errorChannel()}. A poll that
     * already runs in a transaction joins it ({@code REQUIRED}). Transactions are the container's, begun through
     * its {@code jakarta.transaction.UserTransaction} where it has one (a bean, else
     * {@code java:comp/UserTransaction}), else through its {@code TransactionManager} (a bean, else the servers'
     * JNDI names); a deployment without either fails.
     *
     * <p>An in-memory queue channel is not a transactional resource: a message taken in a rolled-back poll is not
     * put back. A queue channel on a JDBC store ({@code MessageChannels.queue(name, store)}) is: the rollback leaves
     * the message in the store for the next poll.
     * All messages of one poll share its transaction; {@code maxMessagesPerPoll = 1} gives one transaction per
     * message.
     *
     * @return {@code true} for a transaction around each poll; {@code false} (the default) for none
     */
    boolean transactional() default false;

    /**
     * A trigger of one's own, instead of {@link #fixedDelay()}, {@link #fixedRate()} or {@link #cron()} (setting it
     * together with one of them is a deployment error): the {@code @Named} name of a bean of type
     * {@code jakarta.enterprise.concurrent.ZonedTrigger} or {@code jakarta.enterprise.concurrent.Trigger}, such as
     * Junction's {@code DynamicPeriodicTrigger} or {@code CompoundTrigger}. The trigger decides every poll time,
     * so {@link #initialDelay()} does not apply. A trigger whose settings the application changes while it runs
     * (a dynamic period) must be one instance: produce it {@code @Singleton}.
     *
     * @return the trigger bean's name, or empty for none
     */
    String trigger() default "";

    /**
     * The executor each poll runs on, instead of the scheduler's thread: the {@code @Named} name of a bean of type
     * {@code java.util.concurrent.Executor} (an {@code ExecutorService}, a {@code ManagedExecutorService}). A
     * firing while the previous poll still runs there is skipped rather than queued. The application owns the
     * executor and shuts it down (a producer's disposer).
     *
     * @return the executor bean's name, or empty for the scheduler's thread
     */
    String taskExecutor() default "";

    /**
     * Advices around each poll, outermost first: {@code @Named} names of beans of type
     * {@code dev.junction.api.poller.PollAdvice} (around the whole poll: receive and handling) or
     * {@code dev.junction.api.poller.ReceiveMessageAdvice} (around the receive only, seeing what was received);
     * a bean of both types plays both parts. They run inside the poll's request context and outside its
     * transaction ({@link #transactional()}).
     *
     * @return the advice beans' names, outermost first; empty for none
     */
    String[] adviceChain() default {};
}
