package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.support.ErrorHandler;

import java.time.Duration;

/**
 * What an outbound gateway is made with, checked by its spec.
 *
 * @param name                 how logs and errors name it
 * @param mapper               turns requests into bytes and replies into messages
 * @param requestTimeout       how long a request waits for the shared connection
 * @param remoteTimeout        how long a reply is awaited
 * @param async                whether the sending thread returns at once, the reply following
 * @param closeStreamAfterSend whether a single-use connection's output is shut after the request
 * @param unsolicitedChannel   where late replies and pushes go, or {@code null}
 * @param scheduler            where asynchronous exchanges time out
 * @param asyncErrors          where asynchronous failures go
 */
record OutboundGatewaySettings(String name, TcpMessageMapper mapper, Duration requestTimeout,
                               RemoteTimeout remoteTimeout, boolean async, boolean closeStreamAfterSend,
                               MessageChannel unsolicitedChannel, TaskScheduler scheduler, ErrorHandler asyncErrors) {
}
