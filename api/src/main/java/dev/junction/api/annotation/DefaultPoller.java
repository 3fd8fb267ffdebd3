package dev.junction.api.annotation;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CDI qualifier marking the application's one default poller: the poller of every polling consumer and inbound
 * channel adapter that has no {@link Poller @Poller} of its own. The bean's type is
 * {@code dev.junction.api.poller.PollerMetadata}, usually built with {@code PollerSpec}:
 *
 * <pre>{@code
 * @Produces @Singleton @DefaultPoller
 * PollerMetadata defaultPoller() {
 *     return PollerSpec.fixedDelay(Duration.ofMillis(500)).maxMessagesPerPoll(10).build();
 * }
 * }</pre>
 *
 * <p>{@code PollerMetadata} is a record, which a client proxy cannot wrap: produce it {@code @Singleton} or
 * {@code @Dependent}, not in a normal scope. Two default pollers, or a {@code @DefaultPoller} bean of another type,
 * fail the deployment. Each poll of the default poller runs in a request context of its own, as with
 * {@code @Poller}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE, ElementType.PARAMETER})
public @interface DefaultPoller {

    /** The qualifier as a value, for {@code Instance.select} and bean lookups in code. */
    final class Literal extends AnnotationLiteral<DefaultPoller> implements DefaultPoller {

        private static final long serialVersionUID = 1L;

        /** The one instance (the qualifier has no members). */
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
