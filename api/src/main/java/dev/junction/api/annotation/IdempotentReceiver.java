package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the endpoint of a {@link ServiceActivator}, {@link Transformer} or {@link Filter} method an idempotent
 * receiver: of the messages with one key, the first is handled as usual and the later ones are duplicates, discarded,
 * refused or marked {@code duplicateMessage = true} as
 * {@link dev.junction.api.advice.IdempotentReceiverSpec} describes, with the same defaults. The receiver is the
 * outermost advice of the endpoint, around the {@code adviceChain} (a retry inside it is not a duplicate).
 *
 * <pre>{@code
 * @IdempotentReceiver(key = "payload.orderId", store = "orderKeys", discardChannel = "duplicateOrders")
 * @ServiceActivator(inputChannel = "orders")
 * public void prepare(Order order) { ... }
 * }</pre>
 *
 * <p>Bean names resolve among {@code @Named} beans; every problem fails the deployment with the others: on another
 * kind of method ({@code JNC-0946}), a name no bean of the right type has ({@code JNC-0947}), no key or two ways to
 * compute it ({@code JNC-0940}, {@code JNC-0941}), an invalid expression ({@code JNC-0942}), an unknown discard
 * channel ({@code JNC-0943}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IdempotentReceiver {

    /** @return the key expression over {@code payload}, {@code headers}, {@code message}; empty: {@link #keyStrategy()} */
    String key() default "";

    /** @return the name of a {@code @Named} {@link dev.junction.api.advice.MessageKeyStrategy} bean computing the key */
    String keyStrategy() default "";

    /** @return the expression of the value stored with a new key; empty: the message's timestamp */
    String value() default "";

    /** @return the name of a {@code @Named} {@code MessageKeyStrategy} bean computing the value stored */
    String valueStrategy() default "";

    /**
     * @return the name of a {@code @Named} {@link dev.junction.api.store.ConcurrentMetadataStore} bean keeping the
     *         keys (a JDBC store in production); empty: a store in memory, of this endpoint only
     */
    String store() default "";

    /** @return where duplicates go, not handled; empty: none */
    String discardChannel() default "";

    /** @return whether a duplicate fails with a {@code MessageRejectedException} (JNC-0944), after the discard */
    boolean throwExceptionOnRejection() default false;

    /** @return whether a failed handling removes its key, so that the message may be received again */
    boolean removeKeyOnFailure() default false;
}
