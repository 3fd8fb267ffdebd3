package dev.junction.impl.channel;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.impl.support.Timeouts;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Base of the buffering channels: adds the receive side of the interceptor protocol. Subclasses implement
 * {@link #doReceive(long)}.
 */
abstract class AbstractPollableChannel extends AbstractMessageChannel implements PollableChannel {

    protected AbstractPollableChannel(ChannelBuilder<?, ?> builder) {
        super(builder);
    }

    @Override
    public final Message<?> receive() {
        return receive(Timeouts.INDEFINITE);
    }

    @Override
    public final Message<?> receive(Duration timeout) {
        return receive(Timeouts.toNanos(timeout));
    }

    private Message<?> receive(long timeoutNanos) {
        ChannelInterceptor[] chain = interceptorSnapshot();
        if (chain.length == 0) {
            return doReceive(timeoutNanos);
        }
        int completedPreReceives = 0;
        Message<?> message = null;
        try {
            for (ChannelInterceptor interceptor : chain) {
                if (!interceptor.preReceive(this)) {
                    LOG.log(Level.DEBUG, () -> interceptor + " stopped a receive on '" + getName() + "'");
                    afterReceiveCompletion(chain, completedPreReceives, null, null);
                    return null;
                }
                completedPreReceives++;
            }
            message = doReceive(timeoutNanos);
            if (message != null) {
                for (ChannelInterceptor interceptor : chain) {
                    message = interceptor.postReceive(message, this);
                    if (message == null) {
                        break;
                    }
                }
            }
        } catch (RuntimeException failure) {
            afterReceiveCompletion(chain, completedPreReceives, message, failure);
            throw failure;
        }
        afterReceiveCompletion(chain, completedPreReceives, message, null);
        return message;
    }

    private void afterReceiveCompletion(ChannelInterceptor[] chain, int completed, Message<?> message, Exception failure) {
        for (int i = completed - 1; i >= 0; i--) {
            try {
                chain[i].afterReceiveCompletion(message, this, failure);
            } catch (RuntimeException cleanupFailure) {
                LOG.log(Level.ERROR, "afterReceiveCompletion of " + chain[i] + " on channel '" + getName() + "' failed", cleanupFailure);
            }
        }
    }

    /**
     * Takes the next message.
     *
     * @param timeoutNanos the longest wait, 0 for none, or {@link Timeouts#INDEFINITE}
     * @return the message, or {@code null} when none came in time or the thread was interrupted (the interrupt
     *         flag is then restored)
     * @throws MessagingException when the underlying store fails
     */
    protected abstract Message<?> doReceive(long timeoutNanos);
}
