package dev.junction.impl.channel;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.impl.convert.ConversionRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settings every interceptable channel shares: a name, interceptors, and the datatypes it accepts (with
 * the converters used to reach them). Each channel type extends this with its own options.
 *
 * @param <B> the concrete builder type
 * @param <C> the channel type built
 */
public abstract class ChannelBuilder<B extends ChannelBuilder<B, C>, C> {

    String name;
    final List<ChannelInterceptor> interceptors = new ArrayList<>();
    final List<Class<?>> datatypes = new ArrayList<>();
    ConversionRegistry conversion = ConversionRegistry.empty();

    private static final AtomicLong UNNAMED = new AtomicLong();

    ChannelBuilder() {
    }

    /** @return the configured name, or a generated one ("DirectChannel#3") that is kept from then on */
    final String effectiveName(Class<?> channelType) {
        if (name == null) {
            name = channelType.getSimpleName() + "#" + UNNAMED.incrementAndGet();
        }
        return name;
    }

    /** Names the channel (used in errors, logs and global interceptor patterns). */
    public B name(String name) {
        this.name = name;
        return self();
    }

    /** Adds an interceptor after those added before. */
    public B interceptor(ChannelInterceptor interceptor) {
        interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
        return self();
    }

    /**
     * Restricts the payload types the channel accepts (a datatype channel). A payload that is none of them is
     * converted through {@link #conversion(ConversionRegistry)} when a converter fits, otherwise rejected.
     */
    public B datatypes(Class<?>... types) {
        datatypes.addAll(Arrays.asList(types));
        return self();
    }

    /** The converters a datatype channel may use. */
    public B conversion(ConversionRegistry conversion) {
        this.conversion = Objects.requireNonNull(conversion, "conversion");
        return self();
    }

    /** @return the channel */
    abstract C build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
