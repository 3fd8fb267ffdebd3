package dev.junction.impl.channel;

import dev.junction.api.channel.LoadBalancingStrategy;
import dev.junction.impl.dispatch.RoundRobinLoadBalancingStrategy;
import java.util.function.Supplier;

/** The built-in load-balancing choices of point-to-point channels. */
public enum LoadBalancing {
    /** Each message starts one handler further (the default). */
    ROUND_ROBIN(RoundRobinLoadBalancingStrategy::new),
    /** Every message starts with the first handler; with failover: primary, secondary, tertiary... */
    NONE(() -> null);

    private final Supplier<LoadBalancingStrategy> factory;

    LoadBalancing(Supplier<LoadBalancingStrategy> factory) {
        this.factory = factory;
    }

    /** @return a fresh strategy (one per channel), or {@code null} for {@link #NONE} */
    LoadBalancingStrategy newStrategy() {
        return factory.get();
    }
}
