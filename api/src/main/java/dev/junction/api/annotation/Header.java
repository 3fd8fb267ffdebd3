package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a method parameter to a message header. On a handler method the header's value is passed in
 * (a missing required header is an error; {@code required = false} passes {@code null}, and an
 * {@link java.util.Optional} parameter is never required); on a gateway method the argument becomes the
 * header.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Header {

    /** @return the header name; defaults to the parameter name (compile with {@code -parameters}) */
    String value() default "";

    /** @return whether the header must be present (default {@code true}) */
    boolean required() default true;
}
