package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a channel producer method ({@code @Produces @Channel("name")}): a messaging bridge from the produced channel
 * to the channel named by {@link #value()}, or, when empty, to each message's {@code replyChannel} header. The
 * bridge passes messages on unchanged; when the produced channel is pollable, the producer method's
 * {@link Poller @Poller} (or the default poller) polls it.
 *
 * <pre>{@code
 * @Produces @ApplicationScoped @Channel("polled")
 * @BridgeTo("direct") @Poller(fixedDelay = 5000, maxMessagesPerPoll = 10)
 * PollableChannel polled() { return MessageChannels.queue("polled"); }
 * }</pre>
 *
 * <p>The endpoint id is {@code <produced channel>.bridgeTo}. With both {@code @BridgeFrom} and {@code @BridgeTo}
 * on one producer, the {@code @Poller} serves whichever of the two bridges consumes from a pollable channel.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BridgeTo {

    /** @return the channel the bridge sends to; empty: the {@code replyChannel} header of each message */
    String value() default "";

    /** @return whether the bridge starts with the application (default {@code true}) */
    boolean autoStartup() default true;
}
