package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a router: it is invoked with each message from the input channel and returns where the message
 * goes: a channel name, a key of {@link #channelMappings()}, a channel, or a collection or array of those (the
 * message then goes to each). When nothing resolves ({@code null}, an empty collection, or unknown names with
 * {@code resolutionRequired = false}) the message goes to the default output channel, or the router fails.
 *
 * <pre>{@code
 * @Router(inputChannel = "drinks", channelMappings = {"HOT=hotDrinks", "COLD=coldDrinks"},
 *         defaultOutputChannel = "unknownDrinks")
 * public String route(Drink drink) { return drink.temperature().name(); }
 * }</pre>
 *
 * <p>Channels named by mappings and {@link #defaultOutputChannel()} exist as beans (undeclared ones as direct
 * channels); a name the method returns must be a channel the application declares or refers to elsewhere.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Router {

    /** @return the channel the endpoint consumes from */
    String inputChannel() default "";

    /** @return where messages go that resolve to no channel; empty: such a message is an error */
    String defaultOutputChannel() default "";

    /** @return whether a returned name that resolves to no channel is an error (default) or skipped */
    boolean resolutionRequired() default true;

    /** @return mappings from returned keys to channel names, each written {@code "key=channelName"} */
    String[] channelMappings() default {};

    /** @return the endpoint id; empty: derived from the bean and method names */
    String id() default "";

    /** @return the endpoint's position among the subscribers of its input channel (failover order) */
    int order() default Integer.MAX_VALUE;

    /** @return whether the endpoint starts with the application (default {@code true}) */
    boolean autoStartup() default true;
}
