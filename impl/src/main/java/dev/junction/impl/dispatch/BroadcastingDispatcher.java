package dev.junction.impl.dispatch;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.support.ErrorHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers each message to every subscriber (publish-subscribe).
 *
 * <p>Without an executor, subscribers run in the sender's thread, in order, and the first failure reaches the
 * sender. With an executor, each subscriber runs as its own task and failures go to the error handler; a send
 * then succeeds once enough subscribers are present, since their outcome is not known yet.
 */
public final class BroadcastingDispatcher implements MessageDispatcher {

    private final String channelName;
    private final HandlerList handlers = new HandlerList();
    private final CountingExecutor executor;
    private final ErrorHandler errorHandler;
    private final boolean applySequence;
    private final int minSubscribers;
    private final boolean requireSubscribers;

    public BroadcastingDispatcher(String channelName, Executor executor, ErrorHandler errorHandler,
            boolean applySequence, int minSubscribers, boolean requireSubscribers) {
        this.channelName = channelName;
        this.executor = executor == null ? null : new CountingExecutor(executor);
        this.errorHandler = errorHandler;
        this.applySequence = applySequence;
        this.minSubscribers = minSubscribers;
        this.requireSubscribers = requireSubscribers;
    }

    @Override
    public HandlerList handlers() {
        return handlers;
    }

    @Override
    public int pendingDeliveries() {
        return executor == null ? 0 : executor.pending();
    }

    /**
     * @return whether at least {@code minSubscribers} subscribers got the message
     * @throws MessageDeliveryException when subscribers are required and there are none
     */
    @Override
    public boolean dispatch(Message<?> message) {
        MessageHandler[] all = handlers.snapshot().handlers();
        if (all.length == 0 && requireSubscribers) {
            throw new MessageDeliveryException(message, "Channel '" + channelName + "' has no subscribers");
        }
        int delivered = 0;
        for (int i = 0; i < all.length; i++) {
            Message<?> copy = applySequence ? sequenced(message, i + 1, all.length) : message;
            MessageHandler handler = all[i];
            if (executor == null) {
                Dispatchers.invoke(handler, copy, channelName);
            } else {
                submit(handler, copy);
            }
            delivered++;
        }
        return delivered >= minSubscribers;
    }

    private void submit(MessageHandler handler, Message<?> message) {
        try {
            executor.execute(() -> {
                try {
                    Dispatchers.invoke(handler, message, channelName);
                } catch (RuntimeException failure) {
                    errorHandler.handleError(failure);
                }
            });
        } catch (RejectedExecutionException rejected) {
            throw new MessageDeliveryException(message, "The executor of channel '" + channelName
                    + "' rejected the message for " + handler + ": " + rejected.getMessage(), rejected);
        }
    }

    private static Message<?> sequenced(Message<?> message, int number, int size) {
        return MessageBuilder.fromMessage(message)
                .setCorrelationId(message.getHeaders().getId())
                .setSequenceNumber(number)
                .setSequenceSize(size)
                .build();
    }
}
