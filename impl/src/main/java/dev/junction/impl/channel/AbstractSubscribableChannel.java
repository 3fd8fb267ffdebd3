package dev.junction.impl.channel;

import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.impl.dispatch.MessageDispatcher;
import java.util.List;
import java.util.Objects;

/** Base of the channels that push messages to subscribers through a {@link MessageDispatcher}. */
public abstract class AbstractSubscribableChannel extends AbstractMessageChannel implements SubscribableChannel {

    private final MessageDispatcher dispatcher;

    protected AbstractSubscribableChannel(ChannelBuilder<?, ?> builder, MessageDispatcher dispatcher) {
        super(builder);
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean subscribe(MessageHandler handler) {
        return dispatcher.handlers().add(Objects.requireNonNull(handler, "handler"));
    }

    @Override
    public boolean unsubscribe(MessageHandler handler) {
        return dispatcher.handlers().remove(handler);
    }

    @Override
    public int getSubscriberCount() {
        return dispatcher.handlers().size();
    }

    /** @return the subscribers in dispatch order */
    List<MessageHandler> getSubscribers() {
        return dispatcher.handlers().snapshot().view();
    }

    /**
     * @return messages handed to the channel's executor (an executor channel, an asynchronous publish-subscribe
     *         channel) whose delivery has not finished; 0 for a channel that delivers in the sender's thread
     */
    public int getPendingDeliveries() {
        return dispatcher.pendingDeliveries();
    }

    /** A subscribable channel never waits: the timeout does not apply. */
    @Override
    protected boolean doSend(Message<?> message, long timeoutNanos) {
        return dispatcher.dispatch(message);
    }
}
