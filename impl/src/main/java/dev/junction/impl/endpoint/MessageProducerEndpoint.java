package dev.junction.impl.endpoint;

/**
 * An endpoint that brings messages in on its own (from a socket, a request): it starts after every consumer and
 * stops first, like an inbound channel adapter, so that nothing it produces finds a channel without a subscriber.
 *
 * <p>A producer may serve exchanges, a request that waits for its reply. The runtime's draining stop stops the
 * producer first, then waits (within its deadline) until {@link #exchangesInProgress()} is 0 before it stops the
 * consumers, so the replies of exchanges in progress are still produced and delivered. {@link #doStop()} should
 * therefore refuse new requests but keep what the exchanges in progress need (their connections, say), and release
 * it once they are done, or at the latest in {@link #drainFinished()}.
 */
public abstract class MessageProducerEndpoint extends AbstractEndpoint {

    protected MessageProducerEndpoint(String id, boolean autoStartup) {
        super(id, autoStartup);
    }

    /**
     * @return how many exchanges this producer started and has not finished (a request waiting for its reply, a
     *         reply being written); 0 by default, for a producer that only sends
     */
    public long exchangesInProgress() {
        return 0;
    }

    /**
     * Called by the draining stop when it stops waiting for this producer's exchanges: they finished, or the drain
     * deadline passed. Releases what {@link #doStop()} kept for exchanges in progress; does nothing by default.
     * Never called while the producer runs.
     */
    protected void drainFinished() {
    }
}
