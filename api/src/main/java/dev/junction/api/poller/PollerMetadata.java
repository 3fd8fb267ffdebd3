package dev.junction.api.poller;

import dev.junction.api.channel.MessageChannel;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A poller's settings, checked and immutable; made by {@link PollerSpec}.
 *
 * @param trigger when polls happen
 * @param maxMessagesPerPoll the most messages one poll takes; {@code null}: the endpoint's default (unbounded
 *        for a polling consumer, 1 for a source adapter); negative: unbounded
 * @param receiveTimeout how long a poll waits on a pollable channel for a message
 * @param taskExecutor where polls run, or {@code null} for the scheduler's thread
 * @param errorChannel where failures of polls go, or {@code null}
 * @param errorChannelName the same by name, resolved late, or {@code null}
 * @param adviceChain advices around each whole poll, outermost first
 * @param receiveAdvices advices around the receive part of each poll
 * @param transaction whether each poll runs in a transaction of the runtime's transaction manager, and with which
 *        timeout; {@code null}: no transaction (unless an advice of the chain begins one)
 */
public record PollerMetadata(
        ZonedTrigger trigger,
        Integer maxMessagesPerPoll,
        Duration receiveTimeout,
        Executor taskExecutor,
        MessageChannel errorChannel,
        String errorChannelName,
        List<PollAdvice> adviceChain,
        List<ReceiveMessageAdvice> receiveAdvices,
        Transaction transaction) {

    /** The default receive timeout of a poller: 1000 ms. */
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofMillis(1000);

    public PollerMetadata {
        adviceChain = List.copyOf(adviceChain);
        receiveAdvices = List.copyOf(receiveAdvices);
    }

    /** @return the same poller with another chain of poll advices, outermost first */
    public PollerMetadata withAdviceChain(List<PollAdvice> advices) {
        return new PollerMetadata(trigger, maxMessagesPerPoll, receiveTimeout, taskExecutor, errorChannel,
                errorChannelName, advices, receiveAdvices, transaction);
    }

    /**
     * A poll's transaction: the receive and the whole synchronous flow after it commit or roll back together.
     *
     * @param timeout the transaction timeout, or {@code null} for the transaction manager's default
     */
    public record Transaction(Duration timeout) {
    }

    /** @return the effective maximum for an endpoint whose own default is {@code endpointDefault} */
    public int maxMessagesPerPollOr(int endpointDefault) {
        return maxMessagesPerPoll == null ? endpointDefault : maxMessagesPerPoll;
    }
}
