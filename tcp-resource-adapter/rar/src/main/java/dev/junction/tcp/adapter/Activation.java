package dev.junction.tcp.adapter;

import dev.junction.tcp.connection.BlockingTcpServerFactory;
import dev.junction.tcp.connection.NioTcpServerFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionOptions;
import dev.junction.tcp.connection.TcpServerFactory;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;

/**
 * One activated inbound endpoint: a TCP server whose messages each go to a message endpoint, whose return value is
 * sent back. The endpoint is created on the connection's reader task, which is a work of the work manager, and
 * released after each message, as servers expect (some block when an endpoint is created outside a work).
 */
final class Activation {

    private static final System.Logger LOG = System.getLogger(Activation.class.getName());

    private final MessageEndpointFactory endpoints;
    private final TcpServerFactory server;

    Activation(MessageEndpointFactory endpoints, TcpConnectionOptions options, boolean nio, Executor executor) {
        this.endpoints = endpoints;
        this.server = nio ? new NioTcpServerFactory(options, executor, this::deliver)
                : new BlockingTcpServerFactory(options, executor, this::deliver);
    }

    void start() {
        server.start();
    }

    /** Stops listening, closes every connection, and returns once every reader has ended. */
    void stop() {
        server.stop();
    }

    /** @return the port listened on */
    int port() {
        return server.port();
    }

    /** @return how many client connections are open */
    int openConnections() {
        return server.openConnections().size();
    }

    // A failing endpoint gets the connection closed: its client learns at once instead of waiting for a reply.
    private void deliver(TcpConnection connection, byte[] request) {
        MessageEndpoint endpoint;
        try {
            endpoint = endpoints.createEndpoint(null);
        } catch (UnavailableException e) {
            LOG.log(Level.ERROR, "No message endpoint for a request on " + connection.id()
                    + "; the connection is closed", e);
            connection.close();
            return;
        }
        try {
            byte[] reply = ((TcpRequestListener) endpoint).onRequest(request);
            if (reply != null) {
                connection.send(reply);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The message endpoint failed on a request on " + connection.id()
                    + "; the connection is closed", e);
            connection.close();
        } finally {
            endpoint.release();
        }
    }
}
