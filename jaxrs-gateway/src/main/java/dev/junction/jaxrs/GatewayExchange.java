package dev.junction.jaxrs;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.gateway.ReplyBridge;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request through one gateway, from checks to answer:
 * <ol>
 * <li>refuse at once what the gateway cannot take: not running (503), a content type it does not consume (415), an
 * {@code Accept} it cannot produce (406), an announced body over the limit (413);</li>
 * <li>read the body up to the limit (413 past it) into the payload (415 or 400 when it cannot be read) and build
 * the request message;</li>
 * <li>send it, waiting at most the request timeout for the channel to take it (503 when it does not);</li>
 * <li>one-way: answer 202. Otherwise wait for the reply without a thread: the reply (or the failure) arrives on
 * the {@link PendingReply} in the message's headers, and the gateway's timer expires the wait after the reply
 * timeout (504). A failure is answered 500, or by the error flow when the gateway has an error channel.</li>
 * </ol>
 * The answer is given on whichever thread settles the exchange: the container's (refusals, direct flows), the
 * replying flow's, or the timer's.
 */
final class GatewayExchange implements PendingReply.Outcome {

    private static final System.Logger LOG = System.getLogger(GatewayExchange.class.getName());

    private final HttpInboundGateway gateway;
    private final InboundRequest request;
    private final Map<String, String> pathParams;
    private final Responder responder;
    private MediaType responseType;
    /** Set before the message is sent; the channel's hand-over publishes it to the replying thread. */
    private volatile Message<?> message;

    GatewayExchange(HttpInboundGateway gateway, InboundRequest request, Map<String, String> pathParams,
            Responder responder) {
        this.gateway = gateway;
        this.request = request;
        this.pathParams = pathParams;
        this.responder = responder;
    }

    void run() {
        if (!gateway.isAccepting()) {
            LOG.log(Level.DEBUG, () -> gateway + " is not running: 503 for " + request.method() + " "
                    + request.encodedPath());
            respond(problem(503, "This resource is not accepting requests at the moment"));
            return;
        }
        MessageBuilder<Object> builder;
        try {
            checkBeforeReading();
            byte[] body = RequestBody.read(request.body(), request.contentLength(), gateway.maxBodySize());
            Object payload = PayloadReader.read(body, request, gateway.payloadType());
            builder = RequestMessages.build(payload, request, pathParams, gateway.headerMapper());
        } catch (RejectedRequest rejected) {
            LOG.log(Level.DEBUG, () -> gateway + " refused " + request.method() + " " + request.encodedPath() + ": "
                    + rejected.status() + " " + rejected.detail());
            respond(problem(rejected.status(), rejected.detail()));
            return;
        } catch (IOException unreadable) {
            LOG.log(Level.DEBUG, () -> gateway + " could not read a request body", unreadable);
            respond(problem(400, "The request body could not be read"));
            return;
        }
        if (gateway.isOneWay()) {
            sendOneWay(builder);
        } else {
            sendAndAwait(builder);
        }
    }

    private void checkBeforeReading() throws RejectedRequest {
        MediaType contentType = request.contentType();
        if (!gateway.consumes().isEmpty() && (contentType != null || request.announcesBody())) {
            MediaType sent = contentType != null ? contentType : MediaType.APPLICATION_OCTET_STREAM_TYPE;
            if (!MediaTypes.accepts(gateway.consumes(), sent)) {
                throw new RejectedRequest(415, "This resource does not accept " + sent + "; it accepts "
                        + gateway.consumes());
            }
        }
        if (!gateway.produces().isEmpty()) {
            Optional<MediaType> negotiated = MediaTypes.negotiate(gateway.produces(), request.acceptable());
            if (negotiated.isEmpty()) {
                throw new RejectedRequest(406, "This resource answers with " + gateway.produces()
                        + ", none of which the request accepts");
            }
            responseType = negotiated.get();
        }
        if (request.contentLength() > gateway.maxBodySize()) {
            throw RequestBody.tooLarge(gateway.maxBodySize()); // announced: refused before a byte is read
        }
    }

    // --- one-way --------------------------------------------------------------------------------------------

    private void sendOneWay(MessageBuilder<Object> builder) {
        // nobody waits: replies of the flow are dropped rather than failing the flow for lack of a reply channel
        builder.setReplyChannel(gateway.nullChannel());
        if (gateway.errorChannel() != null) {
            builder.setErrorChannel(gateway.errorChannel());
        }
        Message<?> request = builder.build();
        message = request;
        boolean sent;
        try {
            sent = gateway.requestChannel().send(request, gateway.requestTimeout());
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, gateway + ": the flow failed handling request " + request.getHeaders().getId(),
                    failure);
            publishOneWayFailure(failure, request);
            respond(problem(500, "The request could not be processed"));
            return;
        }
        respond(sent ? Response.accepted().build() : notAccepted());
    }

    private void publishOneWayFailure(RuntimeException failure, Message<?> request) {
        MessageChannel errors = gateway.errorChannel();
        if (errors == null) {
            return;
        }
        ErrorMessage error = new ErrorMessage(asMessagingException(failure, request),
                Map.of(MessageHeaders.REPLY_CHANNEL, gateway.nullChannel()), request);
        try {
            if (!errors.send(error, gateway.requestTimeout())) {
                LOG.log(Level.WARNING, gateway + ": the error channel '" + errors.getName() + "' did not take the"
                        + " failure of request " + request.getHeaders().getId() + " in time");
            }
        } catch (RuntimeException errorFlowFailed) {
            LOG.log(Level.WARNING, gateway + ": the error flow failed too", errorFlowFailed);
        }
    }

    // --- request and reply ------------------------------------------------------------------------------------

    private void sendAndAwait(MessageBuilder<Object> builder) {
        PendingReply pending = new PendingReply(() -> gateway.getId() + "[" + request.method() + " "
                + request.encodedPath() + "]", this);
        ReplyBridge router = gateway.replyRouter();
        if (router == null) {
            builder.setReplyChannel(pending);
        } else {
            builder.setReplyChannel(gateway.replyChannel())
                    .setHeader(ReplyBridge.ROUTE_HEADER, router.routeTo(pending));
        }
        Message<?> request = builder.setErrorChannel(pending).build();
        message = request;
        boolean sent;
        try {
            sent = gateway.requestChannel().send(request, gateway.requestTimeout());
        } catch (RuntimeException failure) {
            if (pending.end()) {
                failed(failure);
            } else {
                LOG.log(Level.WARNING, gateway + ": the flow failed after it replied to request "
                        + request.getHeaders().getId(), failure);
            }
            return;
        }
        if (!sent) {
            if (pending.end()) {
                respond(notAccepted());
            }
            return;
        }
        pending.expireAfter(gateway.replyTimeout(), gateway.timer());
    }

    @Override
    public void replied(Message<?> reply) {
        if (reply instanceof ErrorMessage error) {
            failed(error.getPayload());
        } else {
            respond(replyResponse(reply, 200));
        }
    }

    @Override
    public void expired() {
        respond(timedOut());
    }

    private Response timedOut() {
        if (gateway.isClosed()) {
            return problem(503, "The application closed before this request was answered");
        }
        LOG.log(Level.DEBUG, () -> gateway + ": no reply to request " + message.getHeaders().getId() + " within "
                + gateway.replyTimeout().toMillis() + " ms");
        try {
            return gateway.replyTimeoutResponse().apply(message);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, gateway + ": the reply timeout response failed; answering the default", failed);
            return defaultTimeoutResponse(message, gateway.replyTimeout().toMillis());
        }
    }

    /** The default answer when no reply came in time: 504 with a problem saying so. */
    static Response defaultTimeoutResponse(Message<?> request, long replyTimeoutMillis) {
        return ProblemResponses.problem(504, "No reply came within the reply timeout of " + replyTimeoutMillis
                + " ms", request.getHeaders().get(HttpMessageHeaders.REQUEST_PATH, String.class),
                request.getHeaders().getId()).build();
    }

    private Response notAccepted() {
        return problem(503, "The application is too busy to take this request; try again later");
    }

    // --- failures ---------------------------------------------------------------------------------------------

    private void failed(Throwable failure) {
        Message<?> request = message;
        LOG.log(Level.WARNING, gateway + ": the flow failed handling request " + request.getHeaders().getId(),
                failure);
        MessageChannel errors = gateway.errorChannel();
        if (errors == null) {
            respond(problem(500, "The request could not be processed"));
            return;
        }
        PendingReply errorReply = new PendingReply(() -> gateway.getId() + "[error flow of "
                + request.getHeaders().getId() + "]", new ErrorFlowOutcome());
        ErrorMessage error = new ErrorMessage(asMessagingException(failure, request),
                Map.of(MessageHeaders.REPLY_CHANNEL, errorReply, MessageHeaders.ERROR_CHANNEL, errorReply), request);
        boolean sent;
        try {
            sent = errors.send(error, gateway.requestTimeout());
        } catch (RuntimeException errorFlowFailed) {
            if (errorReply.end()) {
                LOG.log(Level.WARNING, gateway + ": the error flow failed too", errorFlowFailed);
                respond(problem(500, "The request could not be processed"));
            }
            return;
        }
        if (!sent) {
            if (errorReply.end()) {
                LOG.log(Level.WARNING, gateway + ": the error channel '" + errors.getName() + "' did not take the"
                        + " failure in time");
                respond(problem(500, "The request could not be processed"));
            }
            return;
        }
        errorReply.expireAfter(gateway.replyTimeout(), gateway.timer());
    }

    /** The error flow's answer: its reply (500 unless it names a status), or 500 when it fails too. */
    private final class ErrorFlowOutcome implements PendingReply.Outcome {

        @Override
        public void replied(Message<?> reply) {
            if (reply instanceof ErrorMessage failedAgain) {
                LOG.log(Level.WARNING, gateway + ": the error flow failed too", failedAgain.getPayload());
                respond(problem(500, "The request could not be processed"));
            } else {
                respond(replyResponse(reply, 500));
            }
        }

        @Override
        public void expired() {
            respond(timedOut());
        }
    }

    private static MessagingException asMessagingException(Throwable failure, Message<?> request) {
        if (failure instanceof MessagingException messaging) {
            return messaging;
        }
        return new MessageHandlingException(request, "The flow failed: " + failure, failure);
    }

    // --- answering --------------------------------------------------------------------------------------------

    private Response replyResponse(Message<?> reply, int defaultStatus) {
        try {
            return ReplyResponses.toResponse(reply, defaultStatus, responseType, gateway.headerMapper());
        } catch (RuntimeException unmappable) {
            LOG.log(Level.WARNING, gateway + ": the reply could not be turned into a response: " + reply, unmappable);
            return problem(500, "The request could not be processed");
        }
    }

    private Response problem(int status, String detail) {
        Message<?> request = message;
        return ProblemResponses.problem(status, detail, this.request.encodedPath(),
                request == null ? null : request.getHeaders().getId()).build();
    }

    private void respond(Response response) {
        try {
            responder.respond(response);
        } catch (RuntimeException failed) {
            // the container could not write it (the client left); nothing else to answer with
            LOG.log(Level.DEBUG, () -> gateway + " could not answer " + request.method() + " "
                    + request.encodedPath(), failed);
        }
    }
}
