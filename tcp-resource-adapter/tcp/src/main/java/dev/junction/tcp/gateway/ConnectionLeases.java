package dev.junction.tcp.gateway;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.tcp.connection.CallerReadConnection;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;

import java.time.Duration;

/** How an outbound gateway gets a connection for an exchange: see the two kinds. */
interface ConnectionLeases {

    /** How many connections in a row may turn out closed when taken before an exchange gives up. */
    int READY_ATTEMPTS = 3;

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

    /**
     * @return a connection of the factory that its caller reads, ready for an exchange: one that turns out closed
     *         (the server closed it while nobody read it) is given back, and another taken
     * @throws MessagingException when the connections keep turning out closed as soon as they are taken
     */
    static CallerReadConnection connectReady(TcpClientFactory factory, Message<?> request, String owner) {
        for (int attempt = 1; ; attempt++) {
            CallerReadConnection connection = (CallerReadConnection) connect(factory, request, owner);
            if (connection.prepareExchange()) {
                return connection;
            }
            connection.close(); // closed already; a pool takes it back, and its permit
            if (attempt == READY_ATTEMPTS) {
                throw new MessagingException(request, owner + ": the connections of " + factory + " were closed by"
                        + " the server as soon as they were opened, " + attempt + " times in a row");
            }
        }
    }

    /**
     * @param callerReads whether the factory's connections are read by the requesters
     * @return the leases that suit the factory: one shared connection, or a connection per exchange
     */
    static ConnectionLeases of(TcpClientFactory factory, ReplyCorrelator correlator, Duration requestTimeout,
                               String owner, boolean callerReads) {
        return factory.options().singleUse() ? new SingleUseLeases(factory, owner, callerReads)
                : new SharedConnectionLeases(factory, correlator, requestTimeout, owner, callerReads);
    }
}
