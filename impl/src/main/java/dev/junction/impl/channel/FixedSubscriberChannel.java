package dev.junction.impl.channel;

import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * The fastest point-to-point channel: exactly one handler, fixed at construction, invoked in the sender's
 * thread. It cannot be unsubscribed and has no interceptors or datatypes; use a {@link DirectChannel} when any
 * of those is needed.
 */
final class FixedSubscriberChannel implements SubscribableChannel {

    private static final System.Logger LOG = System.getLogger(FixedSubscriberChannel.class.getName());

    private final String name;
    private final MessageHandler handler;

    FixedSubscriberChannel(String name, MessageHandler handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public boolean send(Message<?> message) {
        Objects.requireNonNull(message, "message must not be null");
        try {
            handler.handleMessage(message);
            return true;
        } catch (MessagingException failure) {
            throw failure.getFailedMessage() != null ? failure
                    : new MessageHandlingException(message, failure.getMessage(), failure);
        } catch (RuntimeException failure) {
            throw new MessageHandlingException(message, "Handler " + handler + " of channel '" + name + "' failed: "
                    + failure, failure);
        }
    }

    /** The handler runs in the sender's thread at once: the timeout does not apply. */
    @Override
    public boolean send(Message<?> message, Duration timeout) {
        return send(message);
    }

    /**
     * @return {@code false} for the fixed handler (already subscribed)
     * @throws IllegalArgumentException for any other handler
     */
    @Override
    public boolean subscribe(MessageHandler other) {
        if (other != handler) {
            throw new IllegalArgumentException("JNC-0105 FixedSubscriberChannel '" + name
                    + "' takes exactly one subscriber, given at construction; use a DirectChannel for more");
        }
        return false;
    }

    /** @return always {@code false}: the fixed subscriber cannot be removed */
    @Override
    public boolean unsubscribe(MessageHandler other) {
        LOG.log(Level.WARNING, "FixedSubscriberChannel ''{0}'' cannot be unsubscribed from", name);
        return false;
    }

    @Override
    public int getSubscriberCount() {
        return 1;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "FixedSubscriberChannel[" + name + "]";
    }
}
