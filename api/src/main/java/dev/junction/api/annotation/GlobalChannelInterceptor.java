package dev.junction.api.annotation;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * A CDI qualifier making a bean of type {@link dev.junction.api.channel.ChannelInterceptor} a global channel
 * interceptor: the Junction runtime adds it to every channel whose name the {@link #patterns()} select, declared
 * and created alike, at the place its {@link #order()} gives. A wire tap is such an interceptor:
 *
 * <pre>{@code
 * @Produces @Singleton @GlobalChannelInterceptor(patterns = {"orders*", "!ordersAudit"}, order = -1)
 * ChannelInterceptor auditTap(@Channel("ordersAudit") PollableChannel audit) {
 *     return MessageChannels.wireTap(audit);
 * }
 * }</pre>
 *
 * <p>The members are not binding: any {@code @GlobalChannelInterceptor} qualifies the bean, whatever its patterns.
 * One instance serves all selected channels, so the interceptor must be thread-safe; a {@code @Dependent} bean is
 * created once for the runtime. A {@code @GlobalChannelInterceptor} bean that is not a {@code ChannelInterceptor},
 * or whose patterns are invalid, fails the deployment.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE, ElementType.PARAMETER})
public @interface GlobalChannelInterceptor {

    /**
     * Channel name patterns, tried in order, the first match deciding: {@code *} matches any run of characters,
     * a leading {@code !} excludes what it matches ({@code \!} for a name starting with {@code !}), and each
     * entry may itself be a comma-separated list. A channel no pattern matches is not intercepted.
     *
     * @return the patterns; by default {@code "*"}, every channel
     */
    @Nonbinding
    String[] patterns() default "*";

    /**
     * The interceptor's place: a negative order puts it before the channel's own interceptors, zero or more after
     * them; lower orders come first among global interceptors on one side.
     *
     * @return the order, {@code 0} by default
     */
    @Nonbinding
    int order() default 0;

    /** The qualifier as a value, for {@code Instance.select} and bean lookups in code. */
    final class Literal extends AnnotationLiteral<GlobalChannelInterceptor> implements GlobalChannelInterceptor {

        private static final long serialVersionUID = 1L;

        /** The qualifier with default members; it matches every global interceptor bean (the members do not bind). */
        public static final Literal INSTANCE = new Literal(new String[] {"*"}, 0);

        private final String[] patterns;
        private final int order;

        private Literal(String[] patterns, int order) {
            this.patterns = patterns.clone();
            this.order = order;
        }

        /**
         * @param order    the interceptor's place
         * @param patterns the channel name patterns
         * @return the qualifier with these members
         */
        public static Literal of(int order, String... patterns) {
            Objects.requireNonNull(patterns, "patterns");
            return new Literal(patterns, order);
        }

        @Override
        public String[] patterns() {
            return patterns.clone();
        }

        @Override
        public int order() {
            return order;
        }
    }
}
