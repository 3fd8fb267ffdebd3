package dev.junction.impl.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.channel.NullChannel;
import dev.junction.impl.core.TemporaryReplyChannel;
import java.util.Map;

/**
 * What a gateway does with a failure of the flow behind it (including a request that could not be sent):
 * without an error channel it throws the failure, as a {@link MessagingException}; with one, it sends an
 * {@link ErrorMessage} carrying that exception (and the request as the original message) to the error channel
 * and, for a method that waits, returns the error flow's reply as the call's reply.
 *
 * <p>The error flow answers through the error message's {@code replyChannel} header, a temporary channel of its
 * own; it is waited for at most the method's reply timeout. An error channel that is the {@link NullChannel}
 * swallows failures without any wait; another one-way error flow leaves the caller waiting for the reply
 * timeout, as any flow that does not answer. If the error flow itself fails, its failure is thrown, with the
 * original failure suppressed in it.
 */
final class ErrorFlow {

    /** Where a one-way error flow's replies go: nobody waits for them. */
    private static final MessageChannel DISCARD = new NullChannel();

    private final MessageChannel errorChannel;

    /** @param errorChannel the gateway's error channel, or {@code null} to throw failures to the caller */
    ErrorFlow(MessageChannel errorChannel) {
        this.errorChannel = errorChannel;
    }

    /**
     * Handles the failure of a call that waits for a reply.
     *
     * @return the error flow's reply, or a result without one
     * @throws MessagingException the failure itself when there is no error channel, or the error flow's failure
     */
    CallResult handle(Throwable failure, Message<?> request, MethodExchange exchange, String label) {
        MessagingException error = asMessagingException(failure, request, label);
        if (errorChannel == null) {
            throw error;
        }
        TemporaryReplyChannel replies = new TemporaryReplyChannel(label + " (error flow)");
        ErrorMessage errorMessage = new ErrorMessage(error,
                Map.of(MessageHeaders.REPLY_CHANNEL, replies, MessageHeaders.ERROR_CHANNEL, replies), request);
        Message<?> reply;
        try {
            MethodExchange.send(errorChannel, errorMessage, exchange.requestTimeout(), label, "error channel");
            if (errorChannel instanceof NullChannel) {
                return CallResult.noReply(request);
            }
            reply = exchange.replyTimeout() == null ? replies.receive() : replies.receive(exchange.replyTimeout());
        } catch (RuntimeException errorFlowFailed) {
            errorFlowFailed.addSuppressed(error);
            throw errorFlowFailed;
        } finally {
            replies.giveUp();
        }
        if (reply == null) {
            return CallResult.timedOut(request);
        }
        if (reply instanceof ErrorMessage failedAgain) {
            MessagingException errorFlowFailed = asMessagingException(failedAgain.getPayload(), errorMessage, label);
            errorFlowFailed.addSuppressed(error);
            throw errorFlowFailed;
        }
        return CallResult.reply(request, reply);
    }

    /**
     * Handles the failure of a one-way send: publishes it to the error channel without waiting for anything.
     *
     * @throws MessagingException the failure itself when there is no error channel, or the error flow's failure
     */
    void handleOneWay(RuntimeException failure, Message<?> request, MethodExchange exchange, String label) {
        MessagingException error = asMessagingException(failure, request, label);
        if (errorChannel == null) {
            throw error;
        }
        ErrorMessage errorMessage = new ErrorMessage(error, Map.of(MessageHeaders.REPLY_CHANNEL, DISCARD), request);
        try {
            MethodExchange.send(errorChannel, errorMessage, exchange.requestTimeout(), label, "error channel");
        } catch (RuntimeException errorFlowFailed) {
            errorFlowFailed.addSuppressed(error);
            throw errorFlowFailed;
        }
    }

    /** @return the failure as a {@link MessagingException} that carries the failed message */
    static MessagingException asMessagingException(Throwable failure, Message<?> request, String label) {
        if (failure instanceof MessagingException messaging) {
            return messaging;
        }
        return new MessageHandlingException(request, label + ": the flow failed: " + failure, failure);
    }
}
