package dev.junction.tcp.gateway;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import dev.junction.tcp.connection.CachingTcpClientFactory;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionFactory;
import dev.junction.tcp.connection.TcpServerFactory;

/**
 * One-way TCP out, a message handler to use as a flow's step ({@code junction.flow("alerts").handle(adapter)}): it
 * writes each message's payload ({@code byte[]}, or a {@code String} in the charset) and expects nothing back.
 * Declared with {@link Tcp#outboundAdapter}.
 *
 * <ul>
 *   <li>On its own client factory it sends on the shared connection, or on a new single-use one that it closes
 *       after sending.</li>
 *   <li>Collaborating with an inbound endpoint, it sends on that endpoint's factory. On a server's connections it
 *       sends to the one the message's {@link TcpHeaders#CONNECTION_ID} header names: replies and unsolicited
 *       messages to any open connection. On a client factory it sends on the factory's connection and leaves a
 *       single-use one open, so that the inbound endpoint receives the reply on it (and closes it).</li>
 * </ul>
 */
public final class TcpOutboundChannelAdapter implements MessageHandler {

    private final String name;
    private final TcpMessageMapper mapper;
    private final TcpConnectionFactory factory;
    private final TcpInboundEndpoint collaborator;

    /** @param collaborator the inbound endpoint whose factory this is, or {@code null} when the adapter owns it */
    TcpOutboundChannelAdapter(String name, TcpMessageMapper mapper, TcpConnectionFactory factory,
                              TcpInboundEndpoint collaborator) {
        this.name = name;
        this.mapper = mapper;
        this.factory = factory;
        this.collaborator = collaborator;
    }

    /** @return the factory the adapter sends through */
    public TcpConnectionFactory connectionFactory() {
        return factory;
    }

    /**
     * @throws MessageHandlingException when the payload cannot be written, or on a server's connections the message
     *         names no connection
     * @throws MessageDeliveryException when the connection named is not open, or none can be had
     */
    @Override
    public void handleMessage(Message<?> message) {
        byte[] bytes = mapper.toBytes(message, name);
        if (factory instanceof TcpServerFactory) {
            connectionNamedBy(message).send(bytes);
            return;
        }
        TcpClientFactory client = (TcpClientFactory) factory;
        TcpConnection connection;
        try {
            connection = client.getConnection();
        } catch (IllegalStateException stopped) {
            throw new MessageDeliveryException(message, name + ": " + stopped.getMessage(), stopped);
        }
        // A collaborator reads the reply on a single-use connection and closes it; a pool's is given back at once.
        boolean close = client.options().singleUse() && (collaborator == null
                || client instanceof CachingTcpClientFactory);
        try {
            connection.send(bytes);
        } finally {
            if (close) {
                connection.close();
            }
        }
    }

    private TcpConnection connectionNamedBy(Message<?> message) {
        Object id = message.getHeaders().get(TcpHeaders.CONNECTION_ID);
        if (id == null) {
            throw new MessageHandlingException(message, name + " sends on the connections of " + factory
                    + " and needs the '" + TcpHeaders.CONNECTION_ID + "' header (TcpHeaders.CONNECTION_ID) to choose"
                    + " one; the messages an inbound endpoint receives carry it: copy the headers of the message"
                    + " being answered, or set it to the id of an open connection");
        }
        return collaborator.connection(id.toString()).orElseThrow(() -> new MessageDeliveryException(message, name
                + ": connection " + id + " is not open (it closed, or is not a connection of " + factory + ")"));
    }

    @Override
    public String toString() {
        return name;
    }
}
