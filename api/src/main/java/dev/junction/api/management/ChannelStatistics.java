package dev.junction.api.management;

/**
 * The counters of a channel: how many sends it took and how many failed. Counting is off until
 * {@link #enableStatistics()} (so a channel nobody watches does no extra work for each message); a channel that
 * counts does one uncontended add per send. The counters are per channel, and every method is a managed operation:
 * a control bus names the channel ({@code @orders.sendCount()}).
 *
 * <p>Every channel of the runtime has them; cast a channel to this type, or use the control bus.
 */
public interface ChannelStatistics {

    /** Starts counting, from the counts so far (zero, the first time). */
    @ManagedOperation(description = "starts counting sends and failed sends")
    void enableStatistics();

    /** Stops counting; the counts stay as they are until {@link #resetStatistics()}. */
    @ManagedOperation(description = "stops counting sends")
    void disableStatistics();

    /** @return whether the channel counts its sends */
    @ManagedOperation(description = "whether the channel counts its sends")
    boolean isStatisticsEnabled();

    /** @return the sends counted: every call of {@code send}, handed over or not */
    @ManagedOperation(description = "how many sends the channel took while counting")
    long sendCount();

    /**
     * @return the sends counted that failed: threw (a subscriber's failure on a direct channel included), or were
     *         not handed over in time (a full queue)
     */
    @ManagedOperation(description = "how many of those sends failed or timed out")
    long sendErrorCount();

    /** Sets both counts to zero; counting goes on (or stays off) as it was. */
    @ManagedOperation(description = "sets the counts to zero")
    void resetStatistics();
}
