package dev.junction.impl.dispatch;

import dev.junction.api.channel.LoadBalancingStrategy;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.impl.support.ErrorHandler;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers each message to exactly one subscriber (point-to-point). The load-balancing strategy picks where to
 * start; with failover, a failing handler passes the message to the next one, in order, until one succeeds.
 * With an executor, delivery happens on the executor's thread and failures go to the error handler.
 */
public final class UnicastingDispatcher implements MessageDispatcher {

    private static final System.Logger LOG = System.getLogger(UnicastingDispatcher.class.getName());

    private final String channelName;
    private final HandlerList handlers = new HandlerList();
    private final LoadBalancingStrategy loadBalancer;
    private final boolean failover;
    private final CountingExecutor executor;
    private final ErrorHandler errorHandler;

    /**
     * @param loadBalancer where to start, or {@code null} to always start with the first handler
     * @param executor where to run the handlers, or {@code null} for the sender's thread
     * @param errorHandler receives failures of executor-run deliveries; unused without executor
     */
    public UnicastingDispatcher(String channelName, LoadBalancingStrategy loadBalancer, boolean failover,
            Executor executor, ErrorHandler errorHandler) {
        this.channelName = channelName;
        this.loadBalancer = loadBalancer;
        this.failover = failover;
        this.executor = executor == null ? null : new CountingExecutor(executor);
        this.errorHandler = errorHandler;
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
     * @return {@code true}: the message was handled (or accepted by the executor)
     * @throws MessageDeliveryException when there is no subscriber or the executor rejects the message
     */
    @Override
    public boolean dispatch(Message<?> message) {
        if (executor == null) {
            return deliver(message);
        }
        ensureSubscribers(handlers.snapshot().handlers(), message);
        try {
            executor.execute(() -> deliverReportingErrors(message));
        } catch (RejectedExecutionException rejected) {
            throw new MessageDeliveryException(message, "The executor of channel '" + channelName
                    + "' rejected the message: " + rejected.getMessage(), rejected);
        }
        return true;
    }

    private void deliverReportingErrors(Message<?> message) {
        try {
            deliver(message);
        } catch (RuntimeException failure) {
            errorHandler.handleError(failure);
        }
    }

    private boolean deliver(Message<?> message) {
        HandlerList.Snapshot snapshot = handlers.snapshot();
        MessageHandler[] all = snapshot.handlers();
        if (all.length == 1) {
            Dispatchers.invoke(all[0], message, channelName);
            return true;
        }
        ensureSubscribers(all, message);
        int start = loadBalancer == null ? 0 : loadBalancer.firstIndex(message, snapshot.view());
        MessagingException firstFailure = null;
        for (int attempt = 0; attempt < all.length; attempt++) {
            MessageHandler handler = all[(start + attempt) % all.length];
            try {
                Dispatchers.invoke(handler, message, channelName);
                return true;
            } catch (MessagingException failure) {
                if (!failover) {
                    throw failure;
                }
                LOG.log(Level.DEBUG, () -> "Handler " + handler + " on channel '" + channelName
                        + "' failed; failing over to the next handler", failure);
                if (firstFailure == null) {
                    firstFailure = failure;
                } else {
                    firstFailure.addSuppressed(failure);
                }
            }
        }
        throw new MessageDeliveryException(message, "All " + all.length + " handlers subscribed to channel '"
                + channelName + "' failed to handle the message (the first failure is the cause, the others are suppressed)",
                firstFailure);
    }

    private void ensureSubscribers(MessageHandler[] all, Message<?> message) {
        if (all.length == 0) {
            throw new MessageDeliveryException(message, "Channel '" + channelName + "' has no subscribers");
        }
    }
}
