package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a message filter: it is asked about each message from the input channel and returns
 * {@code boolean} ({@code true} accepts). An accepted message passes on unchanged to the output channel; a rejected
 * one goes to the discard channel when there is one, makes the filter throw when
 * {@link #throwExceptionOnRejection()} is set (after discarding), and is otherwise dropped.
 *
 * <pre>{@code
 * @Filter(inputChannel = "orders", outputChannel = "validOrders", discardChannel = "rejectedOrders")
 * public boolean isValid(Order order) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Filter {

    /** @return the channel the endpoint consumes from */
    String inputChannel() default "";

    /** @return where accepted messages go; empty: the {@code replyChannel} header of the request */
    String outputChannel() default "";

    /** @return where rejected messages go; empty: none */
    String discardChannel() default "";

    /** @return whether a rejection is an error ({@code MessageRejectedException}), default {@code false} */
    boolean throwExceptionOnRejection() default false;

    /** @return the endpoint id; empty: derived from the bean and method names */
    String id() default "";

    /** @return the endpoint's position among the subscribers of its input channel (failover order) */
    int order() default Integer.MAX_VALUE;

    /** @return whether the endpoint starts with the application (default {@code true}) */
    boolean autoStartup() default true;

    /**
     * @return the names of the {@code @Named} {@link dev.junction.api.advice.HandlerAdvice} beans advising this
     *         endpoint's own handling (never the flow after it), outermost first; empty: none
     */
    String[] adviceChain() default {};

    /**
     * @return with an {@link #adviceChain()}: whether a rejected message is discarded (sent to the discard channel,
     *         or thrown) inside the advices (default {@code true}), or after them, the advices then covering the
     *         decision only
     */
    boolean discardWithinAdvice() default true;
}
