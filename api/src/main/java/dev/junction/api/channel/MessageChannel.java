package dev.junction.api.channel;

import dev.junction.api.message.Message;
import java.time.Duration;

/**
 * A pipe that decouples message producers from consumers.
 *
 * <p>{@link #send(Message)} may block (a full bounded queue) until the message is accepted;
 * {@link #send(Message, Duration)} waits at most the given time. Both return {@code false} when the message
 * was not accepted in time or the waiting thread was interrupted (the interrupt flag is then restored), and
 * throw a {@link dev.junction.api.error.MessagingException} when delivery fails.
 */
public interface MessageChannel {

    /**
     * Sends a message, blocking as long as needed.
     *
     * @param message the message
     * @return whether the message was sent
     */
    boolean send(Message<?> message);

    /**
     * Sends a message, waiting at most {@code timeout} for the channel to accept it. {@link Duration#ZERO}
     * means: do not wait at all.
     *
     * @param message the message
     * @param timeout the longest time to wait
     * @return whether the message was sent in time
     */
    boolean send(Message<?> message, Duration timeout);

    /** @return the channel's name (as registered), or a generated description when it has none */
    String getName();
}
