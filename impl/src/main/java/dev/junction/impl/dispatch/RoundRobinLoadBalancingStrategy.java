package dev.junction.impl.dispatch;

import dev.junction.api.channel.LoadBalancingStrategy;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts each dispatch one handler further than the previous one. One instance per channel. */
public final class RoundRobinLoadBalancingStrategy implements LoadBalancingStrategy {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public int firstIndex(Message<?> message, List<MessageHandler> handlers) {
        return Math.floorMod(next.getAndIncrement(), handlers.size());
    }
}
