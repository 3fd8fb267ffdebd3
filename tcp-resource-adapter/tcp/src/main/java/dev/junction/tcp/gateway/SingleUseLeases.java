package dev.junction.tcp.gateway;

import dev.junction.api.message.Message;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;

/**
 * A connection of its own for each exchange, so exchanges run in parallel: a new one, or one lent by a caching
 * factory. It is closed (given back to the pool) when the exchange ends; when the requester gave up, the reply may
 * still come on it, so it is closed for good, never lent again, and that late reply is not read. When the requesters
 * read their replies themselves, a connection is prepared before it is used, and replaced when it turns out closed.
 */
final class SingleUseLeases implements ConnectionLeases {

    private final TcpClientFactory factory;
    private final String owner;
    private final boolean callerReads;

    SingleUseLeases(TcpClientFactory factory, String owner, boolean callerReads) {
        this.factory = factory;
        this.owner = owner;
        this.callerReads = callerReads;
    }

    @Override
    public Lease acquire(Message<?> request) {
        TcpConnection connection = callerReads ? ConnectionLeases.connectReady(factory, request, owner)
                : ConnectionLeases.connect(factory, request, owner);
        return new Lease(connection, abandoned -> {
            if (abandoned && factory instanceof CachingTcpClientFactory caching) {
                caching.discard(connection);
            } else {
                connection.close();
            }
        });
    }
}
