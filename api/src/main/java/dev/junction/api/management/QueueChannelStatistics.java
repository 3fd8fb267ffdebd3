package dev.junction.api.management;

/**
 * The counters of a queue channel, and how full it is. The queue's size and remaining capacity are read from the
 * queue at each call, whether or not the channel counts its sends.
 */
public interface QueueChannelStatistics extends ChannelStatistics {

    /** @return how many messages wait in the channel */
    @ManagedOperation(description = "how many messages wait in the queue")
    int queueSize();

    /** @return how many more messages fit before a send blocks ({@link Integer#MAX_VALUE} for an unbounded queue) */
    @ManagedOperation(description = "how many more messages fit before a send blocks")
    int remainingCapacity();
}
