package dev.junction.impl.channel;

import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;

/**
 * The application's global error channel, {@value #NAME}: a publish-subscribe channel that every error
 * handler falls back to. While nobody subscribes, each error is logged at ERROR with its stack trace, so an
 * unobserved failure is never silent.
 */
public final class ErrorChannel extends PublishSubscribeChannel {

    /** The reserved name of the error channel. */
    public static final String NAME = "errorChannel";

    private static final System.Logger LOG = System.getLogger(ErrorChannel.class.getName());

    ErrorChannel() {
        super(builder().name(NAME));
    }

    @Override
    protected boolean doSend(Message<?> message, long timeoutNanos) {
        if (getSubscriberCount() == 0) {
            logUnobserved(message);
            return true;
        }
        return super.doSend(message, timeoutNanos);
    }

    private static void logUnobserved(Message<?> message) {
        if (message.getPayload() instanceof Throwable error) {
            String original = message instanceof ErrorMessage errorMessage
                    ? errorMessage.getOriginalMessage().map(m -> "; original message: " + m).orElse("") : "";
            LOG.log(Level.ERROR, "Error on errorChannel (no subscriber)" + original, error);
        } else {
            LOG.log(Level.ERROR, "Message on errorChannel (no subscriber): {0}", message);
        }
    }
}
