package dev.junction.api.spi;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageSelector;
import dev.junction.api.message.Message;
import dev.junction.api.store.ChannelMessageStore;
import java.util.Comparator;
import java.util.concurrent.Executor;

/**
 * Creates the runtime's channels for {@link dev.junction.api.channel.MessageChannels}. The runtime registers
 * one implementation in {@code META-INF/services/dev.junction.api.spi.ChannelProvider}; application code does
 * not use this interface. A {@code null} name means: unnamed.
 */
public interface ChannelProvider {

    SubscribableChannel direct(String name);

    SubscribableChannel executor(String name, Executor executor);

    SubscribableChannel publishSubscribe(String name, Executor executorOrNull);

    PollableChannel queue(String name, int capacity);

    PollableChannel priority(String name, int capacity, Comparator<Message<?>> comparatorOrNull);

    PollableChannel rendezvous(String name);

    PollableChannel queue(String name, ChannelMessageStore store);

    ChannelInterceptor wireTap(MessageChannel target, MessageSelector selectorOrNull);
}
