package dev.junction.tcp.gateway;

import dev.junction.api.message.Message;

import java.time.Duration;
import java.util.Objects;

/**
 * What went wrong in an exchange of a TCP inbound endpoint, told to the listeners added with
 * {@link TcpInboundEndpoint#addEventListener}; each is logged at WARNING as well. None passes silently for the peer
 * either: a gateway then writes its error reply, when it has one, or closes the connection.
 */
public sealed interface TcpGatewayEvent {

    /** @return the id of the endpoint concerned */
    String endpointId();

    /** @return the id of the connection concerned */
    String connectionId();

    /**
     * No reply came within the reply timeout.
     *
     * @param request        the request that got no reply
     * @param errorReplySent whether the peer was sent the gateway's error reply; otherwise the connection was closed
     */
    record ReplyTimedOut(String endpointId, String connectionId, Message<?> request, Duration replyTimeout,
                         boolean errorReplySent) implements TcpGatewayEvent {
        public ReplyTimedOut {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(connectionId, "connectionId");
        }
    }

    /**
     * The flow failed (and so did the error flow, or there was none), or the reply could not be written.
     *
     * @param request        the request received, or {@code null} when it was not made
     * @param errorReplySent whether a gateway's peer was sent its error reply; otherwise a gateway closed the
     *                       connection, and an inbound channel adapter (which never replies) left it open
     */
    record ExchangeFailed(String endpointId, String connectionId, Message<?> request, Throwable cause,
                          boolean errorReplySent) implements TcpGatewayEvent {
        public ExchangeFailed {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** A payload arrived while the endpoint was stopping or stopped; the connection was closed instead. */
    record RequestRefused(String endpointId, String connectionId) implements TcpGatewayEvent {
        public RequestRefused {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(connectionId, "connectionId");
        }
    }
}
