package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.core.TemporaryReplyChannel;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionFactory;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of request and reply over TCP: each payload received becomes a request message (a {@code byte[]}
 * payload by default, or a {@code String}) with the {@link TcpHeaders} of its connection, sent to the request
 * channel with a temporary reply channel; the reply is written on the connection its
 * {@link TcpHeaders#CONNECTION_ID} header names. A reply a handler returns as a payload has the request's headers
 * copied by the flow; a reply built as a new message must carry that header over itself. Declared with
 * {@link Tcp#inboundGateway}.
 *
 * <p><b>Timeouts.</b> Sending the request may block up to the request timeout ({@link #DEFAULT_REQUEST_TIMEOUT}),
 * and the reply is awaited up to the reply timeout ({@link #DEFAULT_REPLY_TIMEOUT}) once the request was sent (a
 * direct flow runs inside the send, so the wait starts when it returns).
 *
 * <p><b>Failures.</b> With an error channel, a failure of the flow goes there as an {@link ErrorMessage} (carrying
 * the request's headers) and the error flow's reply is written back like a reply. Nothing passes silently: when no
 * reply comes in time, or the flow and the error flow fail, the peer gets the gateway's error reply, if it has one,
 * or else the connection is closed; a {@link TcpGatewayEvent} and a WARNING tell what happened.
 *
 * <p>Each exchange runs on its connection's task, so one connection's requests are answered one at a time and in
 * order. On an NIO factory every exchange in progress holds a thread of its executor.
 */
public final class TcpInboundGateway extends TcpInboundEndpoint {

    /** Default reply timeout: how long a request's reply is awaited once the request was sent, 1 s. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(1000);

    private static final System.Logger LOG = System.getLogger(TcpInboundGateway.class.getName());

    private final MessageChannel requestChannel;
    private final MessageChannel errorChannel;
    private final RequestReply requestReply;
    private final byte[] errorReply;

    TcpInboundGateway(InboundSettings settings, Duration replyTimeout, byte[] errorReply,
                      TcpConnectionFactory factory, ListenerRelay relay) {
        super(settings, factory, relay);
        this.requestChannel = settings.channel();
        this.errorChannel = settings.errorChannel();
        this.requestReply = new RequestReply(settings.requestTimeout(), replyTimeout, toString());
        this.errorReply = errorReply == null ? null : errorReply.clone();
    }

    @Override
    void handle(TcpConnection connection, byte[] payload) {
        // One message, built once: it also stands for the request in events and errors.
        TemporaryReplyChannel replies = requestReply.replyChannel();
        Message<?> request = mapper().toMessage(connection, payload, replies);
        try {
            Message<?> reply = requestReply.exchange(requestChannel, "request channel", request, replies);
            if (reply == null) {
                timedOut(connection, request);
            } else {
                write(connection, reply, request);
            }
        } catch (RuntimeException failure) {
            failed(connection, request, failure);
        }
    }

    /** The flow failed: the error flow may answer instead. */
    private void failed(TcpConnection connection, Message<?> request, RuntimeException failure) {
        MessagingException error = RequestReply.failure(failure, request, toString());
        if (errorChannel == null) {
            answerFailure(connection, request, error);
            return;
        }
        try {
            Message<?> reply = requestReply.exchange(errorChannel, "error channel",
                    replies -> new ErrorMessage(error, errorHeaders(request, replies), request));
            if (reply == null) {
                answerFailure(connection, request, error); // a one-way error flow: the peer must still learn
            } else {
                write(connection, reply, request);
            }
        } catch (RuntimeException errorFlowFailed) {
            errorFlowFailed.addSuppressed(error);
            answerFailure(connection, request, errorFlowFailed);
        }
    }

    /** The request's own headers travel with the error, so a reply built from it names the connection. */
    private static Map<String, Object> errorHeaders(Message<?> request, MessageChannel replies) {
        Map<String, Object> headers = new HashMap<>(request.getHeaders());
        headers.put(MessageHeaders.REPLY_CHANNEL, replies);
        headers.put(MessageHeaders.ERROR_CHANNEL, replies);
        return headers;
    }

    /**
     * Writes the reply on the connection it names.
     *
     * @throws MessagingException when the reply names no connection or its payload cannot be written: the flow's
     *         mistakes, for the error flow
     */
    private void write(TcpConnection requestConnection, Message<?> reply, Message<?> request) {
        Object connectionId = reply.getHeaders().get(TcpHeaders.CONNECTION_ID);
        if (requestConnection.id().equals(connectionId) && requestConnection.isOpen()) {
            send(requestConnection, mapper().toBytes(reply, this), requestConnection.id(), request); // the usual case
            return;
        }
        write(reply, request);
    }

    /** Writes the reply on the connection it names, looked up among the open ones. */
    private void write(Message<?> reply, Message<?> request) {
        Object connectionId = reply.getHeaders().get(TcpHeaders.CONNECTION_ID);
        String requestConnection = String.valueOf(request.getHeaders().get(TcpHeaders.CONNECTION_ID));
        if (connectionId == null) {
            throw new MessagingException(reply, this + " cannot write the reply: it has no '"
                    + TcpHeaders.CONNECTION_ID + "' header (TcpHeaders.CONNECTION_ID), which names the connection to"
                    + " write it on; the request came on connection " + requestConnection + ". A handler that builds"
                    + " its reply as a new message must copy the request's headers,"
                    + " MessageBuilder.withPayload(result).copyHeaders(request.getHeaders()), or at least that one,"
                    + " setHeader(TcpHeaders.CONNECTION_ID, request.getHeaders().get(TcpHeaders.CONNECTION_ID));"
                    + " a handler that returns the payload alone has the headers copied for it");
        }
        byte[] bytes = mapper().toBytes(reply, this);
        Optional<TcpConnection> target = connection(connectionId.toString());
        if (target.isEmpty()) {
            lost(requestConnection, request, new MessagingException(reply, this + " cannot write the reply: connection "
                    + connectionId + " is closed (the peer went away) or is not one of " + connectionFactory()));
            return;
        }
        send(target.get(), bytes, requestConnection, request);
    }

    private void send(TcpConnection target, byte[] bytes, String requestConnection, Message<?> request) {
        try {
            target.send(bytes);
        } catch (MessagingException writeFailed) { // a payload the codec cannot frame included
            lost(requestConnection, request, writeFailed);
        }
    }

    private void lost(String connectionId, Message<?> request, MessagingException cause) {
        LOG.log(Level.WARNING, cause.getMessage());
        events().publish(new TcpGatewayEvent.ExchangeFailed(getId(), connectionId, request, cause, false));
    }

    private void timedOut(TcpConnection connection, Message<?> request) {
        boolean answered = answer(connection);
        LOG.log(Level.WARNING, "{0}: no reply to the request from connection {1} within the reply timeout of {2};"
                + " {3}", this, connection.id(), requestReply.replyTimeout(), outcome(answered));
        events().publish(new TcpGatewayEvent.ReplyTimedOut(getId(), connection.id(), request,
                requestReply.replyTimeout(), answered));
    }

    private void answerFailure(TcpConnection connection, Message<?> request, RuntimeException failure) {
        boolean answered = answer(connection);
        LOG.log(Level.WARNING, this + ": the request from connection " + connection.id() + " failed"
                + (errorChannel == null ? "" : ", and the error flow gave no reply") + "; " + outcome(answered),
                failure);
        events().publish(new TcpGatewayEvent.ExchangeFailed(getId(), connection.id(), request, failure, answered));
    }

    /** @return whether the error reply was written; otherwise the connection is closed, so the peer stops waiting */
    private boolean answer(TcpConnection connection) {
        if (errorReply != null && connection.isOpen()) {
            try {
                connection.send(errorReply);
                return true;
            } catch (MessagingException writeFailed) {
                LOG.log(Level.DEBUG, "Writing the error reply failed", writeFailed);
            }
        }
        connection.close();
        return false;
    }

    private static String outcome(boolean answered) {
        return answered ? "the peer was sent the error reply" : "the connection was closed";
    }
}
