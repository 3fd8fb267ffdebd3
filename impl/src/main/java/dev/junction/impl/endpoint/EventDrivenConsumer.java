package dev.junction.impl.endpoint;

import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageHandler;
import java.util.Objects;

/** An endpoint on a subscribable channel: running means its handler is subscribed. */
final class EventDrivenConsumer extends AbstractEndpoint implements ConsumerEndpoint {

    private final SubscribableChannel inputChannel;
    private final MessageHandler handler;

    EventDrivenConsumer(String id, SubscribableChannel inputChannel, MessageHandler handler, boolean autoStartup) {
        super(id, autoStartup);
        this.inputChannel = Objects.requireNonNull(inputChannel, "inputChannel");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    protected void doStart() {
        inputChannel.subscribe(handler);
    }

    @Override
    protected void doStop() {
        inputChannel.unsubscribe(handler);
    }

    @Override
    public SubscribableChannel getInputChannel() {
        return inputChannel;
    }

    @Override
    public MessageHandler getHandler() {
        return handler;
    }
}
