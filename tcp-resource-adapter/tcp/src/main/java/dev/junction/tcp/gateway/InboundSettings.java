package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.impl.scheduling.TaskScheduler;

import java.time.Duration;

/**
 * What every inbound endpoint is made with, checked by its spec.
 *
 * @param id             the endpoint's id
 * @param autoStartup    whether the runtime starts it
 * @param mapper         turns payloads into messages and replies into bytes
 * @param channel        where received messages go (the request channel of a gateway)
 * @param errorChannel   where failures go, or {@code null}
 * @param requestTimeout how long sending to the channel may block
 * @param clientMode     whether the endpoint connects out through its client factory
 * @param retryInterval  how often client mode connects again
 * @param scheduler      where client mode schedules its attempts
 */
record InboundSettings(String id, boolean autoStartup, TcpMessageMapper mapper, MessageChannel channel,
                       MessageChannel errorChannel, Duration requestTimeout, boolean clientMode,
                       Duration retryInterval, TaskScheduler scheduler) {
}
