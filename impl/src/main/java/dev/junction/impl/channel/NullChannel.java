package dev.junction.impl.channel;

import dev.junction.api.channel.PollableChannel;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Discards every message (logging it at DEBUG) and never has one to receive: the place for replies or errors
 * nobody needs. Registered as {@value #NAME}.
 */
public final class NullChannel implements PollableChannel {

    /** The reserved name of the null channel. */
    public static final String NAME = "nullChannel";

    private static final System.Logger LOG = System.getLogger(NullChannel.class.getName());

    @Override
    public boolean send(Message<?> message) {
        Objects.requireNonNull(message, "message must not be null");
        LOG.log(Level.DEBUG, () -> "nullChannel discarded " + message);
        return true;
    }

    @Override
    public boolean send(Message<?> message, Duration timeout) {
        return send(message);
    }

    /** @return always {@code null} */
    @Override
    public Message<?> receive() {
        return null;
    }

    /** @return always {@code null}, at once */
    @Override
    public Message<?> receive(Duration timeout) {
        return null;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
