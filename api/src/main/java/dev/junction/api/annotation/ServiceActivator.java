package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a service activator: it is invoked with each message from the input channel, and a non-null
 * return value is the reply, sent to the output channel or else to the message's {@code replyChannel} header.
 * On a plain object given to the runtime without a method name, the one method carrying this annotation is
 * the one invoked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ServiceActivator {

    /** @return the channel the endpoint consumes from */
    String inputChannel() default "";

    /** @return where replies go; empty: the {@code replyChannel} header of the request */
    String outputChannel() default "";

    /** @return whether returning {@code null} is an error (default {@code false}: no reply is sent) */
    boolean requiresReply() default false;

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
}
