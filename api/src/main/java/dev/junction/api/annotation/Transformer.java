package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a transformer: it is invoked with each message from the input channel, and what it returns
 * replaces the message (a new payload keeps the request's headers; a returned message is sent as it is). A
 * transformer must produce something: the method must not be {@code void}, and returning {@code null} is an error.
 *
 * <pre>{@code
 * @Transformer(inputChannel = "orders", outputChannel = "normalizedOrders")
 * public Order normalize(String csv) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Transformer {

    /** @return the channel the endpoint consumes from */
    String inputChannel() default "";

    /** @return where transformed messages go; empty: the {@code replyChannel} header of the request */
    String outputChannel() default "";

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
