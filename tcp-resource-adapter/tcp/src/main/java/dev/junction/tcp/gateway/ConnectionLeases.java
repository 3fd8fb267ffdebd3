package dev.junction.tcp.gateway;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;

import java.time.Duration;

/** How an outbound gateway gets a connection for an exchange: see the two kinds. */
interface ConnectionLeases {

    /**
     * @return a connection no other exchange awaits a reply on, until the lease ends
     * @throws dev.junction.api.error.MessagingException when none can be had in time, or connecting fails
     */
    Lease acquire(Message<?> request);

    /**
     * @return a connection of the factory
     * @throws MessageDeliveryException when the factory is not running (its gateway was declared on a runtime that
     *         closed since)
     */
    static TcpConnection connect(TcpClientFactory factory, Message<?> request, String owner) {
        try {
            return factory.getConnection();
        } catch (IllegalStateException stopped) {
            throw new MessageDeliveryException(request, owner + ": " + stopped.getMessage(), stopped);
        }
    }

    /** @return the leases that suit the factory: one shared connection, or a connection per exchange */
    static ConnectionLeases of(TcpClientFactory factory, ReplyCorrelator correlator, Duration requestTimeout,
                               String owner) {
        return factory.options().singleUse() ? new SingleUseLeases(factory, owner)
                : new SharedConnectionLeases(factory, correlator, requestTimeout, owner);
    }
}
