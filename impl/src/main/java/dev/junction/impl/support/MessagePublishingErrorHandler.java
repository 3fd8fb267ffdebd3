package dev.junction.impl.support;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.DestinationResolutionException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Publishes an {@link ErrorMessage} for each failure: to the failed message's {@code errorChannel} header (a
 * channel, or a name resolved through the resolver) or else to the default error channel. When neither exists
 * or the error channel does not take the message, the failure is logged at ERROR with the failed message, so
 * nothing disappears silently.
 */
public final class MessagePublishingErrorHandler implements ErrorHandler {

    private static final System.Logger LOG = System.getLogger(MessagePublishingErrorHandler.class.getName());
    /** How long publishing an error may block on a full error channel before it is logged instead. */
    static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(1);

    private final ChannelResolver resolver;
    private final MessageChannel defaultErrorChannel;

    /**
     * @param resolver resolves error channel names, or {@code null} when only channel instances are expected
     * @param defaultErrorChannel where errors go when the failed message names no error channel, or {@code null}
     */
    public MessagePublishingErrorHandler(ChannelResolver resolver, MessageChannel defaultErrorChannel) {
        this.resolver = resolver;
        this.defaultErrorChannel = defaultErrorChannel;
    }

    /** @return a handler that only honours error channel instances in headers and otherwise logs */
    public static MessagePublishingErrorHandler loggingOnly() {
        return new MessagePublishingErrorHandler(null, null);
    }

    @Override
    public void handleError(Throwable error) {
        Message<?> failed = error instanceof MessagingException me ? me.getFailedMessage() : null;
        MessageChannel target;
        try {
            target = errorChannelFor(failed);
        } catch (DestinationResolutionException unresolvable) {
            error.addSuppressed(unresolvable);
            target = defaultErrorChannel;
        }
        if (target == null) {
            LOG.log(Level.ERROR, "Unhandled messaging failure (no error channel); failed message: " + failed, error);
            return;
        }
        ErrorMessage errorMessage = new ErrorMessage(error, failed);
        try {
            if (!target.send(errorMessage, DEFAULT_SEND_TIMEOUT)) {
                LOG.log(Level.ERROR, "Error channel '" + target.getName() + "' did not accept the error within "
                        + DEFAULT_SEND_TIMEOUT + "; failed message: " + failed, error);
            }
        } catch (RuntimeException publishingFailed) {
            publishingFailed.addSuppressed(error);
            LOG.log(Level.ERROR, "Publishing an error to '" + target.getName() + "' failed; failed message: "
                    + failed, publishingFailed);
        }
    }

    private MessageChannel errorChannelFor(Message<?> failed) {
        Object header = failed == null ? null : failed.getHeaders().get(MessageHeaders.ERROR_CHANNEL);
        if (header instanceof MessageChannel channel) {
            return channel;
        }
        if (header instanceof String name) {
            if (resolver == null) {
                throw new DestinationResolutionException(failed,
                        "Error channel header names '" + name + "' but no channel resolver is available");
            }
            return resolver.resolve(name);
        }
        return defaultErrorChannel;
    }
}
