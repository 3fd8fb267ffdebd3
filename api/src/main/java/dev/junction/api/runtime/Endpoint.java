package dev.junction.api.runtime;

import dev.junction.api.management.ManagedOperation;

/**
 * The lifecycle handle of one endpoint (a consumer of a channel, or an inbound channel adapter), found by its id
 * through {@link Junction#endpoint(String)}: an application stops and starts single endpoints with it, for example
 * to pause a poller while a downstream system is down.
 *
 * <p>Stopping an endpoint lets the message it is handling finish; it takes no new one until it is started again.
 * Starting and stopping are idempotent and thread-safe.
 */
public interface Endpoint {

    /** @return the endpoint's id, unique within its runtime */
    String getId();

    /** Starts consuming (subscribes, or schedules polls); does nothing when running. */
    @ManagedOperation(description = "starts consuming")
    void start();

    /** Stops consuming; does nothing when stopped. */
    @ManagedOperation(description = "stops consuming")
    void stop();

    /** @return whether the endpoint is consuming */
    @ManagedOperation(description = "whether the endpoint is consuming")
    boolean isRunning();

    /** @return whether the runtime starts this endpoint when it starts */
    boolean isAutoStartup();
}
