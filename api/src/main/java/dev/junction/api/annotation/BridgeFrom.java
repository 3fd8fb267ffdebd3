package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a channel producer method ({@code @Produces @Channel("name")}): a messaging bridge from the channel named by
 * {@link #value()} into the produced channel. The bridge passes messages on unchanged; when the source channel is
 * pollable, the producer method's {@link Poller @Poller} (or the default poller) polls it, which also throttles.
 *
 * <pre>{@code
 * @Produces @ApplicationScoped @Channel("direct")
 * @BridgeFrom("polled") @Poller(fixedDelay = 5000, maxMessagesPerPoll = 10)
 * SubscribableChannel direct() { return MessageChannels.direct("direct"); }
 * }</pre>
 *
 * <p>The endpoint id is {@code <produced channel>.bridgeFrom}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BridgeFrom {

    /** @return the channel the bridge consumes from */
    String value();

    /** @return whether the bridge starts with the application (default {@code true}) */
    boolean autoStartup() default true;
}
