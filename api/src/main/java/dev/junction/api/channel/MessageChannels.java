package dev.junction.api.channel;

import dev.junction.api.handler.MessageSelector;
import dev.junction.api.message.Message;
import dev.junction.api.spi.ChannelProvider;
import dev.junction.api.store.ChannelMessageStore;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;

/**
 * Creates channels without a compile dependency on the runtime, the way {@code ClientBuilder.newBuilder()}
 * finds a Jakarta REST client: the implementation is located through {@link ServiceLoader} on first use.
 *
 * <pre>{@code
 * PollableChannel orders = MessageChannels.queue("orders", 25);
 * SubscribableChannel events = MessageChannels.publishSubscribe("events");
 * }</pre>
 */
public final class MessageChannels {

    /** Capacity of a queue channel created without one: effectively unbounded. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private MessageChannels() {
    }

    /** @return a point-to-point channel that runs its handler in the sender's thread */
    public static SubscribableChannel direct(String name) {
        return provider().direct(name);
    }

    /** @return a point-to-point channel that runs its handler on the executor */
    public static SubscribableChannel executor(String name, Executor executor) {
        return provider().executor(name, Objects.requireNonNull(executor, "executor"));
    }

    /** @return a channel that delivers every message to all subscribers in the sender's thread */
    public static SubscribableChannel publishSubscribe(String name) {
        return provider().publishSubscribe(name, null);
    }

    /** @return a channel that delivers every message to all subscribers on the executor */
    public static SubscribableChannel publishSubscribe(String name, Executor executor) {
        return provider().publishSubscribe(name, Objects.requireNonNull(executor, "executor"));
    }

    /** @return an unbounded FIFO channel */
    public static PollableChannel queue(String name) {
        return provider().queue(name, UNBOUNDED);
    }

    /** @return a FIFO channel holding at most {@code capacity} messages */
    public static PollableChannel queue(String name, int capacity) {
        return provider().queue(name, capacity);
    }

    /** @return an unnamed FIFO channel holding at most {@code capacity} messages */
    public static PollableChannel queue(int capacity) {
        return provider().queue(null, capacity);
    }

    /**
     * A queue channel whose messages wait in a store: with a JDBC store they survive a restart, several consumers
     * and JVMs share them (each message to one consumer), and a transactional poller's rollback leaves the message
     * in the store. The store decides the order (FIFO, or priority for a
     * {@link dev.junction.api.store.PriorityChannelMessageStore}).
     *
     * @param name the channel's name, also its queue's name in the store
     * @param store the store
     * @return the channel
     */
    public static PollableChannel queue(String name, ChannelMessageStore store) {
        return provider().queue(Objects.requireNonNull(name, "name"), Objects.requireNonNull(store, "store"));
    }

    /** @return an unbounded channel ordered by the {@code priority} header (highest first, FIFO within one) */
    public static PollableChannel priority(String name) {
        return provider().priority(name, UNBOUNDED, null);
    }

    /** @return a bounded channel ordered by the comparator (FIFO among equal messages) */
    public static PollableChannel priority(String name, int capacity, Comparator<Message<?>> comparator) {
        return provider().priority(name, capacity, Objects.requireNonNull(comparator, "comparator"));
    }

    /** @return a zero-capacity channel: each send waits for a receiver */
    public static PollableChannel rendezvous(String name) {
        return provider().rendezvous(name);
    }

    private static ChannelProvider provider() {
        return load();
    }

    /**
     * A wire tap: an interceptor that sends a copy of every message sent to the channel it intercepts to
     * {@code target} as well, never to {@code target} itself. Add it to a channel, or make it a global interceptor.
     */
    public static ChannelInterceptor wireTap(MessageChannel target) {
        return provider().wireTap(Objects.requireNonNull(target, "target"), null);
    }

    /** A wire tap copying only the messages the selector accepts. */
    public static ChannelInterceptor wireTap(MessageChannel target, MessageSelector selector) {
        return provider().wireTap(Objects.requireNonNull(target, "target"), Objects.requireNonNull(selector,
                "selector"));
    }

    /**
     * The provider, looked up on first use and kept once found. Not a holder class: a failed lookup would then
     * surface as an {@code ExceptionInInitializerError} once and a {@code NoClassDefFoundError} after, instead of
     * the coded error each time.
     */
    private static volatile ChannelProvider found;

    private static ChannelProvider load() {
        ChannelProvider provider = found;
        if (provider != null) {
            return provider;
        }
        Iterator<ChannelProvider> candidates = ServiceLoader.load(ChannelProvider.class,
                MessageChannels.class.getClassLoader()).iterator();
        if (!candidates.hasNext()) {
            candidates = ServiceLoader.load(ChannelProvider.class).iterator();
        }
        if (!candidates.hasNext()) {
            throw new IllegalStateException("JNC-0002 No " + ChannelProvider.class.getName()
                    + " found: add junction-impl to the class path");
        }
        provider = candidates.next();
        found = provider;
        return provider;
    }
}
