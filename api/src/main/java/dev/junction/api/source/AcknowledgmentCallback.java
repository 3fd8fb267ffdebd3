package dev.junction.api.source;

/**
 * Lets the consumer of a message settle it with its source once the flow is done ("deferred acknowledgment").
 * A source that supports it puts the callback in the {@value #HEADER} header. The polling adapter settles
 * automatically (ACCEPT when the flow returns, REJECT when it throws) unless the flow already did, or called
 * {@link #noAutoAck()} to settle later itself (for example after handing the message to another thread).
 */
public interface AcknowledgmentCallback {

    /** The header that carries the callback. */
    String HEADER = "acknowledgmentCallback";

    /** How a message is settled. */
    enum Status {
        /** Processed: the source may forget it. */
        ACCEPT,
        /** Failed for good: the source should not deliver it again (sources that cannot tell treat it as ACCEPT). */
        REJECT,
        /** Failed for now: the source should deliver it again. */
        REQUEUE
    }

    /** Settles the message. */
    void acknowledge(Status status);

    /** @return whether the message was settled */
    boolean isAcknowledged();

    /** Turns automatic settling off: whoever holds the message settles it. */
    void noAutoAck();

    /** @return whether the adapter settles automatically (until {@link #noAutoAck()} is called) */
    boolean isAutoAck();
}
