package dev.junction.impl.interceptor;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.InterceptableChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Applies {@link GlobalInterceptorRegistration}s to channels, whichever comes first: a channel registered after the
 * global interceptors gets them through {@link #apply(InterceptableChannel)}, and a global interceptor registered
 * later reaches every channel this registry has seen (and any others passed to
 * {@link #register(GlobalInterceptorRegistration, Collection)}).
 *
 * <p>Placement: global interceptors with a negative order go before the channel's own interceptors, the others
 * after them; on each side they are sorted by order, ties kept in registration order. A channel never receives the
 * same interceptor instance twice from this registry, so applying again is harmless, and an interceptor the
 * channel already has (configured locally) is not added again.
 *
 * <p>The registry remembers the channels it has seen weakly, so channels dropped by the application can be
 * garbage collected. Registration is a configuration-time operation: methods are synchronized, and a channel's
 * own interceptor list should not be edited concurrently with them.
 */
public final class GlobalInterceptors {

    /** Lower orders first; the sort is stable, so equal orders keep their registration order. */
    private static final Comparator<GlobalInterceptorRegistration> BY_ORDER =
            Comparator.comparingInt(GlobalInterceptorRegistration::order);

    private final List<GlobalInterceptorRegistration> registered = new ArrayList<>();
    /** Per channel: the interceptors this registry added to it, with their order (for placing later ones). */
    private final Map<InterceptableChannel, Map<ChannelInterceptor, Integer>> added = new WeakHashMap<>();

    /**
     * Adds every registered global interceptor whose patterns select the channel, and remembers the channel so that
     * global interceptors registered later reach it too.
     */
    public synchronized void apply(InterceptableChannel channel) {
        List<GlobalInterceptorRegistration> byOrder = new ArrayList<>(registered);
        byOrder.sort(BY_ORDER);
        for (GlobalInterceptorRegistration global : byOrder) {
            applyTo(channel, global);
        }
        addedTo(channel);
    }

    /**
     * Registers a global interceptor and applies it to every channel this registry has already seen. Registering
     * an equal registration again does nothing.
     */
    public synchronized void register(GlobalInterceptorRegistration global) {
        if (registered.contains(global)) {
            return;
        }
        registered.add(global);
        for (InterceptableChannel channel : new ArrayList<>(added.keySet())) {
            applyTo(channel, global);
        }
    }

    /**
     * Registers a global interceptor and applies it to the given existing channels as well as to those this registry
     * has seen; the given channels are remembered from then on.
     */
    synchronized void register(GlobalInterceptorRegistration global,
            Collection<? extends InterceptableChannel> existing) {
        register(global);
        for (InterceptableChannel channel : existing) {
            applyTo(channel, global);
        }
    }

    /**
     * Unregisters a global interceptor and removes its interceptor from every channel this registry added it to.
     *
     * @return whether it was registered
     */
    synchronized boolean unregister(GlobalInterceptorRegistration global) {
        if (!registered.remove(global)) {
            return false;
        }
        ChannelInterceptor interceptor = global.interceptor();
        added.forEach((channel, ours) -> {
            if (ours.remove(interceptor) != null) {
                channel.removeInterceptor(interceptor);
            }
        });
        return true;
    }

    /** @return the registered global interceptors, in registration order */
    synchronized List<GlobalInterceptorRegistration> getRegistered() {
        return List.copyOf(registered);
    }

    private void applyTo(InterceptableChannel channel, GlobalInterceptorRegistration global) {
        Map<ChannelInterceptor, Integer> ours = addedTo(channel);
        if (!global.appliesTo(channel)) {
            return;
        }
        List<ChannelInterceptor> current = channel.getInterceptors();
        if (containsInstance(current, global.interceptor())) {
            return;
        }
        channel.addInterceptor(insertionIndex(current, ours, global.order()), global.interceptor());
        ours.put(global.interceptor(), global.order());
    }

    private Map<ChannelInterceptor, Integer> addedTo(InterceptableChannel channel) {
        return added.computeIfAbsent(channel, c -> new IdentityHashMap<>());
    }

    /**
     * Where an interceptor of the given order goes in the current list, which looks like: our negative-order
     * interceptors, the channel's own, our other interceptors (the channel's own added later may follow).
     */
    private static int insertionIndex(List<ChannelInterceptor> current, Map<ChannelInterceptor, Integer> ours, int order) {
        if (order < 0) {
            int index = 0;
            while (index < current.size() && orderOf(current.get(index), ours) <= order) {
                index++;
            }
            return index;
        }
        for (int index = 0; index < current.size(); index++) {
            Integer existing = ours.get(current.get(index));
            if (existing != null && existing >= 0 && existing > order) {
                return index;
            }
        }
        return current.size();
    }

    /** @return the order of one of our negative-order interceptors, or 0 for anything else (it ends the scan) */
    private static int orderOf(ChannelInterceptor interceptor, Map<ChannelInterceptor, Integer> ours) {
        Integer order = ours.get(interceptor);
        return order != null && order < 0 ? order : 0;
    }

    private static boolean containsInstance(List<ChannelInterceptor> interceptors, ChannelInterceptor wanted) {
        for (ChannelInterceptor interceptor : interceptors) {
            if (interceptor == wanted) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized String toString() {
        return "GlobalInterceptors" + registered;
    }
}
