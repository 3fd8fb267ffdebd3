package dev.junction.impl.channel;

import dev.junction.api.channel.LoadBalancingStrategy;
import java.util.Objects;

/**
 * The dispatcher options of point-to-point channels: load balancing (round-robin by default, none, or a
 * custom strategy) and failover (on by default).
 */
public abstract class PointToPointBuilder<B extends PointToPointBuilder<B, C>, C> extends ChannelBuilder<B, C> {

    LoadBalancingStrategy strategy;
    boolean strategySet;
    boolean failover = true;

    PointToPointBuilder() {
    }

    /** Chooses a built-in load balancing. */
    public B loadBalancing(LoadBalancing loadBalancing) {
        return strategy(Objects.requireNonNull(loadBalancing, "loadBalancing").newStrategy());
    }

    /** Uses a custom strategy; one instance should serve one channel when it keeps state. */
    public B loadBalancer(LoadBalancingStrategy strategy) {
        return strategy(Objects.requireNonNull(strategy, "strategy"));
    }

    /** Whether a failing handler passes the message on to the next one (default {@code true}). */
    B failover(boolean failover) {
        this.failover = failover;
        return self();
    }

    LoadBalancingStrategy strategyOrDefault() {
        return strategySet ? strategy : LoadBalancing.ROUND_ROBIN.newStrategy();
    }

    private B strategy(LoadBalancingStrategy chosen) {
        this.strategy = chosen;
        this.strategySet = true;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
