package dev.junction.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that carries the payload, optionally through an expression (Jakarta EL). On a gateway
 * method the annotation may also sit on the method, with an expression that builds the payload from the
 * arguments ({@code args[0].id}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD})
public @interface Payload {

    /** @return an expression evaluated to the payload, or empty to use the value as it is */
    String value() default "";
}
