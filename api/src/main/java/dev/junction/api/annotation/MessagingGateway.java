package dev.junction.api.annotation;

import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a messaging gateway: the runtime implements it with a proxy that turns each call into
 * a request message, sends it to a request channel and returns the reply's payload. Application code calls
 * plain Java methods and never sees the messaging API.
 *
 * <pre>{@code
 * @MessagingGateway(defaultRequestChannel = "orders", defaultReplyTimeout = 5_000)
 * public interface Cafe {
 *     void placeOrder(Order order);                        // sends, returns at once
 *     Receipt pay(Order order, @Header("table") int table); // sends, waits for the reply
 *     CompletableFuture<Receipt> payLater(Order order);    // runs on the gateway's executor
 * }
 * }</pre>
 *
 * <p>The attributes here are the gateway's defaults; {@link Gateway @Gateway} on a method overrides them for
 * that method. How arguments become a message (payload, headers) is described on {@link Payload},
 * {@link Header}, {@link Headers} and {@link Gateway}.
 *
 * <p><b>Timeouts</b> are milliseconds. {@link #UNBOUNDED} (the default) waits as long as it takes; {@code 0}
 * does not wait at all. The reply timeout bounds only the wait for the reply after the request was sent: when
 * the whole flow runs in the caller's thread (direct channels) it has already run when that wait begins, so a
 * slow single-threaded flow is neither cut short nor interrupted by it. A reply that does not arrive in time makes a method return
 * {@code null} (an asynchronous method's future fails with a
 * {@link dev.junction.api.error.MessageTimeoutException}); a reply arriving later is dropped. With the default,
 * a flow that never replies (a filter that drops the request, a handler returning {@code null}) blocks the
 * caller forever: set a reply timeout wherever that can happen.
 *
 * <p><b>Errors</b> raised downstream are rethrown to the caller as a
 * {@link dev.junction.api.error.MessagingException}, or as the exception itself when the method declares its
 * type in its {@code throws} clause. With an {@link #errorChannel()}, the failure is sent there instead (as an
 * {@link dev.junction.api.message.ErrorMessage}) and the error flow's reply becomes the return value.
 *
 * <p>This annotation is a CDI {@link Stereotype}, so that bean discovery in {@code annotated} mode reports
 * gateway interfaces to the Junction extension; it declares no scope and no qualifier of its own.
 */
@Stereotype
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessagingGateway {

    /** A timeout value meaning: wait as long as it takes (the default of both timeouts). */
    long UNBOUNDED = -1L;

    /**
     * The {@link #asyncExecutor()} value that disables the executor: methods returning {@code Future},
     * {@code CompletableFuture} or {@code CompletionStage} then run the flow in the caller's thread and the flow
     * must reply with the future itself.
     */
    String NO_ASYNC_EXECUTOR = "<none>";

    /** @return the gateway's name in logs, thread names and errors; empty: the interface's simple name */
    String name() default "";

    /** @return the channel requests are sent to when the method names none */
    String defaultRequestChannel() default "";

    /**
     * The channel replies arrive on when the method names none. Usually empty: each call then waits on a
     * temporary channel of its own. When set, the reply also reaches the channel's other subscribers (a
     * publish-subscribe channel lets an auditor see every reply); a no-argument method receives from it when
     * it is pollable.
     *
     * @return the reply channel name, or empty for none
     */
    String defaultReplyChannel() default "";

    /**
     * Where downstream failures go instead of to the caller: the gateway sends an
     * {@link dev.junction.api.message.ErrorMessage} there and returns the error flow's reply. Empty: failures are
     * rethrown to the caller.
     *
     * @return the error channel name, or empty for none
     */
    String errorChannel() default "";

    /** @return how long a send may wait for the request channel to accept the request, in ms ({@link #UNBOUNDED}) */
    long defaultRequestTimeout() default UNBOUNDED;

    /** @return how long a method waits for its reply once the request was sent, in ms ({@link #UNBOUNDED}) */
    long defaultReplyTimeout() default UNBOUNDED;

    /**
     * Headers added to every request. A method's own {@link Gateway#headers()} of the same name win over these,
     * and so do {@link Header @Header} arguments and {@link Headers @Headers} maps: a default header never
     * overrides a value the caller passed.
     *
     * @return the default headers
     */
    GatewayHeader[] defaultHeaders() default {};

    /**
     * An expression (Jakarta EL) computing the payload of every method that does not define its own payload
     * with {@link Payload @Payload} or {@link Gateway#payloadExpression()}. Variables: {@code args} (the
     * arguments, an {@code Object[]}), {@code gatewayMethod} (the {@link java.lang.reflect.Method}) and named
     * beans. Arguments that are not the payload remain reachable through {@code args}.
     *
     * @return the expression, or empty for none
     */
    String defaultPayloadExpression() default "";

    /**
     * The executor that runs methods returning {@code Future}, {@code CompletableFuture} or
     * {@code CompletionStage}: empty for the gateway's own default executor, the name of an executor the host
     * provides, or {@link #NO_ASYNC_EXECUTOR}.
     *
     * @return the executor name, empty, or {@link #NO_ASYNC_EXECUTOR}
     */
    String asyncExecutor() default "";
}
