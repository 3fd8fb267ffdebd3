package dev.junction.api.handler;

/**
 * A component with a position among its peers: a handler's place in a channel's failover sequence, an
 * interceptor's place in a channel's chain. Lower values come first.
 */
public interface Ordered {

    /** The order of a component that does not state one. */
    int DEFAULT_ORDER = 0;

    /** @return the position; lower first */
    int getOrder();
}
