package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A header a gateway adds to its requests, inside {@link MessagingGateway#defaultHeaders()} or
 * {@link Gateway#headers()}: a fixed {@link #value()} or an {@link #expression()}, exactly one of the two.
 *
 * <p>An expression (Jakarta EL) is parsed once, when the gateway is created, and evaluated for every call with
 * the variables {@code args} (the arguments, an {@code Object[]}), {@code gatewayMethod} (the
 * {@link java.lang.reflect.Method}), {@code payload} (the request's payload) and named beans; a {@code null}
 * result adds no header. {@code gatewayMethod.name} is a common choice: a {@code Method} itself is not
 * serializable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface GatewayHeader {

    /** @return the header name; {@code id} and {@code timestamp} are assigned by every message and not allowed */
    String name();

    /** @return the header's fixed value (a string); empty when {@link #expression()} is used */
    String value() default "";

    /** @return the expression computing the value; empty when {@link #value()} is used */
    String expression() default "";
}
