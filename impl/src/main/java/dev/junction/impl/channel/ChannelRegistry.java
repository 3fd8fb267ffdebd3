package dev.junction.impl.channel;

import dev.junction.api.channel.InterceptableChannel;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.impl.support.ChannelResolver;
import dev.junction.impl.support.ErrorHandler;
import dev.junction.impl.support.MessagePublishingErrorHandler;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The named channels of one application: resolves names (output channels, reply and error channel headers),
 * always holds {@value NullChannel#NAME} and {@value ErrorChannel#NAME}, and hands every interceptable channel
 * it registers to a registration hook (where global interceptors are applied), so channels registered late get
 * them too.
 *
 * <p>One registry per application: nothing here is static, so two applications in one JVM stay apart.
 */
public final class ChannelRegistry implements ChannelResolver {

    private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();
    private final ErrorChannel errorChannel = new ErrorChannel();
    private final NullChannel nullChannel = new NullChannel();
    private final Consumer<InterceptableChannel> onRegistration;

    /** A registry that registers channels as they are. */
    public ChannelRegistry() {
        this(channel -> { });
    }

    /**
     * @param onRegistration called for every interceptable channel when it is registered (including the
     *        error channel), for example to apply global interceptors
     */
    public ChannelRegistry(Consumer<InterceptableChannel> onRegistration) {
        this.onRegistration = Objects.requireNonNull(onRegistration, "onRegistration");
        register(nullChannel);
        register(errorChannel);
    }

    /**
     * Registers a channel under its name.
     *
     * @return the channel
     * @throws IllegalStateException when another channel already has that name
     */
    public <C extends MessageChannel> C register(C channel) {
        return register(Objects.requireNonNull(channel, "channel").getName(), channel);
    }

    /**
     * Registers a channel under a name it cannot be asked for now: a proxy standing for a different channel
     * instance in each context (a CDI {@code @RequestScoped} channel), whose {@code getName()} needs an active
     * context.
     *
     * @return the channel
     * @throws IllegalStateException when another channel already has that name
     */
    public <C extends MessageChannel> C register(String name, C channel) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        MessageChannel previous = channels.putIfAbsent(name, channel);
        if (previous != null && previous != channel) {
            throw new IllegalStateException("JNC-0101 A channel named '" + name + "' is already registered (" + previous
                    + "); channel names must be unique");
        }
        if (previous == null && channel instanceof InterceptableChannel interceptable) {
            onRegistration.accept(interceptable);
        }
        return channel;
    }

    /**
     * @throws DestinationResolutionException naming the channel when none is registered under it
     */
    @Override
    public MessageChannel resolve(String name) {
        MessageChannel channel = channels.get(name);
        if (channel == null) {
            throw new DestinationResolutionException(null, "No channel named '" + name
                    + "' is registered; declare it or correct the name");
        }
        return channel;
    }

    /**
     * @return the channel of that name; a name nobody declared gets a new {@link DirectChannel}, registered
     *         under it (the default channel type, created implicitly)
     */
    public MessageChannel getOrCreateDirect(String name) {
        Objects.requireNonNull(name, "channel name");
        MessageChannel existing = channels.get(name);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = channels.get(name);
            return existing != null ? existing : register(new DirectChannel(name));
        }
    }

    /** @return the channel registered under the name, if any */
    public Optional<MessageChannel> find(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** @return every registered channel */
    public Collection<MessageChannel> channels() {
        return List.copyOf(channels.values());
    }

    /** @return the global error channel */
    public ErrorChannel errorChannel() {
        return errorChannel;
    }

    /** @return the channel that discards everything */
    public NullChannel nullChannel() {
        return nullChannel;
    }

    /**
     * @return an error handler that publishes to a failed message's error channel header (resolving names
     *         here) and otherwise to this registry's error channel
     */
    public ErrorHandler errorHandler() {
        return new MessagePublishingErrorHandler(this, errorChannel);
    }
}
