package dev.junction.impl.delayer;

import dev.junction.impl.endpoint.MessageProducerEndpoint;

/**
 * The endpoint that releases a delayer's messages, {@code <delayer id>.releases}. A delayer sends messages on by
 * itself, as an inbound adapter does, so it starts with the inbound adapters, after every consumer: the messages a
 * persistent store kept from before a restart, due at once or not, are rescheduled only into a running flow. It
 * stops first, cancelling the scheduled releases (the messages stay in the store) and letting the draining stop wait
 * for the releases under way.
 */
public final class DelayedReleases extends MessageProducerEndpoint {

    private final DelayHandler handler;

    DelayedReleases(DelayHandler handler, boolean autoStartup) {
        super(handler.getId() + ".releases", autoStartup);
        this.handler = handler;
    }

    @Override
    protected void doStart() {
        handler.startReleasing();
    }

    @Override
    protected void doStop() {
        handler.stopReleasing();
    }

    @Override
    public long exchangesInProgress() {
        return handler.releasesInProgress();
    }

    /** @return the delayer whose messages this endpoint releases */
    public DelayHandler getHandler() {
        return handler;
    }
}
