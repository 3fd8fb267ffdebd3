package dev.junction.api.annotation;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * A CDI qualifier naming a message channel, so that channels are beans: inject one by name with its proper type,
 * or declare one with a producer.
 *
 * <pre>{@code
 * @Inject @Channel("drinks") PollableChannel drinks;          // injects the channel named "drinks"
 *
 * @Produces @ApplicationScoped @Channel("drinks")            // declares it: a queue channel
 * PollableChannel drinks() { return MessageChannels.queue("drinks", 100); }
 * }</pre>
 *
 * <p>The value is binding: each name is a distinct bean. A channel that gateways, endpoints or injection points
 * name but no producer declares is created by the Junction extension as a direct channel;
 * {@code nullChannel} and {@code errorChannel} always exist. A produced channel's own name
 * ({@link dev.junction.api.channel.MessageChannel#getName()}) must equal the qualifier's value.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Channel {

    /** @return the channel's name */
    String value();

    /** Creates {@code @Channel} instances in code (synthetic beans, {@code Instance.select}). */
    final class Literal extends AnnotationLiteral<Channel> implements Channel {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /**
         * @param name the channel's name
         * @return a qualifier instance for that name
         */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
