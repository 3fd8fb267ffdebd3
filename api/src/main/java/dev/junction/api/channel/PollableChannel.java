package dev.junction.api.channel;

import dev.junction.api.message.Message;
import java.time.Duration;

/** A channel that buffers messages until a consumer receives them. */
public interface PollableChannel extends MessageChannel {

    /**
     * Receives the next message, blocking until one is available.
     *
     * @return the message, or {@code null} when the thread was interrupted (its interrupt flag is restored)
     *         or an interceptor stopped the receive
     */
    Message<?> receive();

    /**
     * Receives the next message, waiting at most {@code timeout}; {@link Duration#ZERO} returns at once.
     *
     * @param timeout the longest time to wait
     * @return the message, or {@code null} when none arrived in time
     */
    Message<?> receive(Duration timeout);
}
