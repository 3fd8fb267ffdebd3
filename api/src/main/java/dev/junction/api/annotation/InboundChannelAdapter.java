package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method an inbound channel adapter: a poller calls the method, which takes no parameters, and sends what
 * it returns to the channel: a returned message as it is, anything else as the payload of a new message;
 * {@code null} sends nothing this time. The poller is the method's {@link Poller @Poller}, else the
 * application's default poller; one of them is required. Each poll calls the method once unless the poller's
 * {@code maxMessagesPerPoll} says otherwise.
 *
 * <pre>{@code
 * @InboundChannelAdapter(channel = "orders")
 * @Poller(fixedDelay = 1000)
 * public Order nextOrder() { return queue.poll(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InboundChannelAdapter {

    /** @return the channel the produced messages are sent to */
    String channel() default "";

    /** @return the endpoint id; empty: derived from the bean and method names */
    String id() default "";

    /** @return whether the adapter starts with the application (default {@code true}), after every consumer */
    boolean autoStartup() default true;
}
