package dev.junction.api.management;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as an operation the control bus may invoke on a managed component: an endpoint's
 * {@code start()}, a trigger's {@code setPeriod(...)}, a connection factory's {@code retryConnection()}. Nothing
 * else is callable through the control bus: a method without this mark is refused, whatever the command says.
 *
 * <p>A module marks its own operations with this annotation alone, without depending on the control bus. The mark
 * counts on the method, or on the method it overrides or implements (an interface's method marks every
 * implementation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ManagedOperation {

    /**
     * @return the roles allowed to invoke it, as {@code jakarta.annotation.security.RolesAllowed} lists them; the
     *         caller needs one of them. Empty (the default): anyone who may send to the control bus. A control bus
     *         can override the roles of one operation.
     */
    String[] rolesAllowed() default {};

    /** @return what the operation does, for people browsing the managed operations */
    String description() default "";
}
