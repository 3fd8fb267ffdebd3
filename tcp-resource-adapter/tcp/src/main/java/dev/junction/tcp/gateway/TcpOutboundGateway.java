package dev.junction.tcp.gateway;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.handler.AbstractReplyProducingHandler;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.impl.support.ErrorHandler;
import dev.junction.tcp.connection.CallerReadConnection;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * The client side of request and reply over TCP, a message handler to use as a flow's step
 * ({@code junction.flow("quotes").handle(gateway)}): it writes the request's payload ({@code byte[]}, or a
 * {@code String} in the charset, UTF-8 by default) on a connection of its client factory and replies with what comes
 * back (a {@code byte[]} payload by default, or a {@code String}), to the next step or the request's reply channel.
 * The reply carries the request's headers, and the {@link TcpHeaders} of its own connection where the request had
 * none, so a reply relayed to an inbound gateway's peer still names that peer's connection. Declared with
 * {@link Tcp#outboundGateway}.
 *
 * <p><b>Connections and correlation.</b> TCP frames carry no correlation id: the connection is the correlation. On a
 * shared connection one request at a time is sent and answered; the others wait for their turn, each up to the
 * request timeout ({@link #DEFAULT_REQUEST_TIMEOUT}). On single-use connections (a caching client factory's among
 * them) exchanges run in parallel, each on a connection of its own; {@code closeStreamAfterSend} then shuts the
 * output after the request, for raw streams that end where the message ends.
 *
 * <p><b>Remote timeout.</b> A reply is awaited up to the remote timeout ({@link #DEFAULT_REMOTE_TIMEOUT}, or an
 * expression over the request); then the requester gets a {@link MessageTimeoutException}. A reply that comes later
 * goes to the unsolicited channel, as does anything the server sends while no request waits; a shared connection is
 * not used again until that late reply came (or it is replaced), and a single-use connection is closed.
 *
 * <p><b>Caller reads.</b> A synchronous gateway without an unsolicited channel has its factory's connections read by
 * their requesters ({@link TcpClientFactory#enableCallerReads()}): each requester reads its own reply from the socket,
 * and no thread hands it over. Nobody reads a connection between requests: the next request first reads what came
 * meanwhile (pushes are logged and dropped) and replaces a connection the server closed; a requester that gives up
 * closes its connection, so that no later request reads its late reply.
 *
 * <p><b>Asynchronous mode.</b> The sending thread returns as soon as the request is written; the reply is sent on
 * later, from the connection's task, and a failure (the timeout included) goes to the request's error channel, else
 * to the runtime's error channel. A reply and a late socket error cannot both count: the first decides.
 */
public final class TcpOutboundGateway extends AbstractReplyProducingHandler {

    /** Default request timeout: how long a request waits for its turn on a shared connection, 10 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Default remote timeout: how long a reply is awaited, 10 s. */
    public static final Duration DEFAULT_REMOTE_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final TcpMessageMapper mapper;
    private final RemoteTimeout remoteTimeout;
    private final boolean async;
    private final boolean closeStreamAfterSend;
    private final TaskScheduler scheduler;
    private final ErrorHandler asyncErrors;
    private final ReplyCorrelator correlator;
    private final TcpClientFactory factory;
    private final ConnectionLeases leases;
    private final boolean callerReads;

    /**
     * @param factory the gateway's own client factory, not started
     * @param relay   the listener the factory was made with, to pass the replies to this gateway
     */
    TcpOutboundGateway(ReplyProducerSettings replies, OutboundGatewaySettings settings, TcpClientFactory factory,
                       ListenerRelay relay) {
        super(replies);
        this.name = settings.name();
        this.mapper = settings.mapper();
        this.remoteTimeout = settings.remoteTimeout();
        this.async = settings.async();
        this.closeStreamAfterSend = settings.closeStreamAfterSend();
        this.scheduler = settings.scheduler();
        this.asyncErrors = settings.asyncErrors();
        this.correlator = new ReplyCorrelator(new UnsolicitedMessages(settings.unsolicitedChannel(), mapper,
                settings.requestTimeout(), name), name);
        this.factory = factory;
        // Only a requester that awaits everything its connection receives may read it: nothing goes elsewhere.
        this.callerReads = !async && settings.unsolicitedChannel() == null && !factory.isRunning()
                && factory.enableCallerReads();
        this.leases = ConnectionLeases.of(factory, correlator, settings.requestTimeout(), name, callerReads);
        factory.addEventListener(correlator);
        factory.addEventListener(mapper);
        relay.deliverTo(correlator);
    }

    /** @return the client factory the gateway sends through, started with it and stopped when the runtime closes */
    public TcpConnectionFactory connectionFactory() {
        return factory;
    }

    /** @return whether the sending thread returns at once and the reply follows from the connection's task */
    public boolean isAsync() {
        return async;
    }

    @Override
    protected Object handleRequest(Message<?> request) {
        byte[] bytes = mapper.toBytes(request, name);
        Duration timeout = remoteTimeout.of(request, name);
        Lease lease = leases.acquire(request);
        if (callerReads) {
            return readReply(lease, bytes, timeout, request);
        }
        PendingReply exchange;
        try {
            exchange = correlator.expect(lease.connection());
        } catch (RuntimeException | Error failed) {
            lease.end(false);
            throw failed;
        }
        if (async) {
            completeLater(lease, exchange, request, timeout);
            send(lease, exchange, bytes);
            return null;
        }
        send(lease, exchange, bytes);
        PendingReply.Outcome outcome = exchange.await(timeout);
        lease.end(outcome instanceof PendingReply.Outcome.TimedOut);
        return reply(outcome, request);
    }

    /**
     * The requester reads its reply from the connection itself: nothing to correlate, no thread to hand the reply
     * over. A requester that gives up closes the connection (see {@link CallerReadConnection#receive}), so no later
     * request can read this one's reply.
     */
    private Message<?> readReply(Lease lease, byte[] bytes, Duration timeout, Message<?> request) {
        CallerReadConnection connection = (CallerReadConnection) lease.connection();
        boolean gaveUp = false;
        try {
            try {
                connection.send(bytes);
                if (closeStreamAfterSend) {
                    connection.shutdownOutput();
                }
            } catch (RuntimeException failed) { // a closed connection, or a payload the codec cannot frame
                throw failure(failed, request);
            }
            byte[] payload;
            try {
                payload = connection.receive(timeout);
            } catch (MessageTimeoutException expired) {
                gaveUp = true;
                throw timedOut(request, timeout, "; its connection was closed, a later reply is not read");
            } catch (RuntimeException failed) { // the connection ended or failed, or the reply was no valid frame
                throw new MessageHandlingException(request, name + ": connection " + connection.id()
                        + " closed before the reply arrived: " + failed.getMessage(), failed);
            }
            return replyMessage(payload, connection, request);
        } finally {
            lease.end(gaveUp);
        }
    }

    private void send(Lease lease, PendingReply exchange, byte[] bytes) {
        try {
            lease.connection().send(bytes);
            if (closeStreamAfterSend) {
                lease.connection().shutdownOutput();
            }
        } catch (RuntimeException failed) { // a closed connection, or a payload the codec cannot frame
            correlator.fail(exchange, failed);
        }
    }

    /** Arranges the outcome's delivery before the request is sent, so that nothing can be decided unseen. */
    private void completeLater(Lease lease, PendingReply exchange, Message<?> request, Duration timeout) {
        ScheduledFuture<?> timer;
        try {
            timer = scheduler.schedule(() -> exchange.abandon(timeout), timeout);
        } catch (RuntimeException refused) { // the runtime's scheduler is closed
            correlator.fail(exchange, refused);
            lease.end(false);
            throw failure(refused, request);
        }
        exchange.settled().whenComplete((outcome, impossible) -> {
            timer.cancel(false);
            lease.end(outcome instanceof PendingReply.Outcome.TimedOut);
            try {
                sendReply(reply(outcome, request), request);
            } catch (RuntimeException failed) {
                asyncErrors.handleError(failure(failed, request));
            }
        });
    }

    /**
     * @return the reply message
     * @throws dev.junction.api.error.MessagingException the failure, or a {@link MessageTimeoutException}
     */
    private Message<?> reply(PendingReply.Outcome outcome, Message<?> request) {
        if (outcome instanceof PendingReply.Outcome.Replied replied) {
            return replyMessage(replied.payload(), replied.connection(), request);
        }
        if (outcome instanceof PendingReply.Outcome.Failed failed) {
            throw failure(failed.cause(), request);
        }
        Duration after = ((PendingReply.Outcome.TimedOut) outcome).after();
        throw timedOut(request, after, factory.options().singleUse()
                ? "; its single-use connection was closed, a later reply is not read"
                : "; a reply that comes later goes to the unsolicited channel");
    }

    private Message<?> replyMessage(byte[] payload, TcpConnection connection, Message<?> request) {
        // The connection's headers first, shared, then the request's over them: where both have one, the
        // request's wins (a relayed reply still names the inbound peer's connection).
        return MessageBuilder.withPayload(mapper.payload(payload)).copyHeaders(mapper.headers(connection))
                .copyHeaders(request.getHeaders()).build();
    }

    private MessageTimeoutException timedOut(Message<?> request, Duration after, String consequence) {
        return new MessageTimeoutException(request, name + ": no reply within the remote timeout of " + after
                + (Thread.currentThread().isInterrupted() ? " (the requesting thread was interrupted)" : "")
                + consequence);
    }

    /** @return the failure carrying the request, so that its error channel header is honoured */
    private MessagingException failure(Throwable cause, Message<?> request) {
        if (cause instanceof MessagingException messaging && messaging.getFailedMessage() != null) {
            return messaging;
        }
        return new MessageHandlingException(request, name + ": " + cause.getMessage(), cause);
    }

    @Override
    public String toString() {
        return name;
    }
}
