package dev.junction.impl.advice;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import java.util.function.BiFunction;

/** What a retry does once every attempt failed: throw the last failure, send it to a channel, or compute a result. */
interface Recovery {

    /**
     * @return the endpoint's result
     * @throws Exception the last failure, when there is nothing to recover with
     */
    Object recover(Message<?> message, Exception lastFailure) throws Exception;

    Recovery RETHROW = (message, lastFailure) -> {
        throw lastFailure;
    };

    /** Sends an {@link ErrorMessage} of the failure and the message to the channel; no reply. */
    static Recovery toChannel(MessageChannel channel) {
        return (message, lastFailure) -> {
            ErrorMessage error = new ErrorMessage(lastFailure, message);
            if (!channel.send(error)) {
                MessageDeliveryException undelivered = new MessageDeliveryException(message, "The retry recovery"
                        + " could not send the error message to channel '" + channel.getName() + "'");
                undelivered.addSuppressed(lastFailure);
                throw undelivered;
            }
            return null;
        };
    }

    /** The function's value is the result. */
    static Recovery with(BiFunction<Message<?>, Throwable, ?> recoverer) {
        return recoverer::apply;
    }
}
