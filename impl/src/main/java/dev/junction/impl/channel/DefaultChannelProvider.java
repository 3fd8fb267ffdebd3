package dev.junction.impl.channel;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageSelector;
import dev.junction.api.message.Message;
import dev.junction.api.store.ChannelMessageStore;
import dev.junction.api.spi.ChannelProvider;
import dev.junction.impl.interceptor.WireTap;
import java.util.Comparator;
import java.util.concurrent.Executor;

/** Backs {@link dev.junction.api.channel.MessageChannels} with this runtime's channels. */
public final class DefaultChannelProvider implements ChannelProvider {

    @Override
    public SubscribableChannel direct(String name) {
        return DirectChannel.builder().name(name).build();
    }

    @Override
    public SubscribableChannel executor(String name, Executor executor) {
        return ExecutorChannel.builder(executor).name(name).build();
    }

    @Override
    public SubscribableChannel publishSubscribe(String name, Executor executorOrNull) {
        PublishSubscribeChannel.Builder builder = PublishSubscribeChannel.builder().name(name);
        return executorOrNull == null ? builder.build() : builder.executor(executorOrNull).build();
    }

    @Override
    public PollableChannel queue(String name, int capacity) {
        return QueueChannel.builder().name(name).capacity(capacity).build();
    }

    @Override
    public PollableChannel priority(String name, int capacity, Comparator<Message<?>> comparatorOrNull) {
        PriorityChannel.Builder builder = PriorityChannel.builder().name(name).capacity(capacity);
        return comparatorOrNull == null ? builder.build() : builder.comparator(comparatorOrNull).build();
    }

    @Override
    public PollableChannel queue(String name, ChannelMessageStore store) {
        return PersistentQueueChannel.builder(store).name(name).build();
    }

    @Override
    public PollableChannel rendezvous(String name) {
        return RendezvousChannel.builder().name(name).build();
    }

    @Override
    public ChannelInterceptor wireTap(MessageChannel target, MessageSelector selectorOrNull) {
        return selectorOrNull == null ? new WireTap(target) : new WireTap(target, selectorOrNull);
    }
}
