package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures one method of a {@link MessagingGateway} interface. Every attribute left at its default falls back
 * to the gateway's default (an empty channel name, {@link #NOT_SET} for a timeout); a value given here wins.
 *
 * <pre>{@code
 * @Gateway(requestChannel = "quotes", replyTimeout = 2_000,
 *          headers = @GatewayHeader(name = "responseType", value = "BEST"))
 * Quote bestQuote(LoanRequest request);
 * }</pre>
 *
 * <p>The annotation is not allowed on default methods, which run as written and never send anything.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Gateway {

    /** The timeout value meaning: not set here, use the gateway's default. */
    long NOT_SET = Long.MIN_VALUE;

    /** @return the channel this method's requests go to; empty: the gateway's default request channel */
    String requestChannel() default "";

    /** @return the channel this method's replies arrive on; empty: the gateway's default reply channel */
    String replyChannel() default "";

    /**
     * @return how long the send may wait, in ms: {@link MessagingGateway#UNBOUNDED}, {@code 0} or more, or
     *         {@link #NOT_SET} for the gateway's default
     */
    long requestTimeout() default NOT_SET;

    /**
     * @return how long the method waits for its reply after sending, in ms: {@link MessagingGateway#UNBOUNDED},
     *         {@code 0} or more, or {@link #NOT_SET} for the gateway's default
     */
    long replyTimeout() default NOT_SET;

    /**
     * Headers added to this method's requests. They win over the gateway's default headers and over
     * {@link Header @Header} arguments of the same name.
     *
     * @return the method's headers
     */
    GatewayHeader[] headers() default {};

    /**
     * An expression (Jakarta EL) computing the payload, as {@link Payload @Payload} on the method does (only one
     * of the two may be used). Variables: {@code args}, {@code gatewayMethod} and named beans.
     *
     * @return the expression, or empty for none
     */
    String payloadExpression() default "";
}
