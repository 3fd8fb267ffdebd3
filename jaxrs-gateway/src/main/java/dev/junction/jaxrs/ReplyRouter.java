package dev.junction.jaxrs;

import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;

/**
 * Forwards replies from a gateway's explicit reply channel to the requests waiting for them. A request sent with
 * an explicit reply channel names that channel in its {@code replyChannel} header, so every subscriber of the channel
 * sees the reply; the request's {@link PendingReply} travels in the {@value #ROUTE_HEADER} header with the router it
 * belongs to, so that gateways sharing one reply channel each forward only their own replies.
 */
final class ReplyRouter implements MessageHandler {

    /** The header carrying a request's {@link Route}. */
    static final String ROUTE_HEADER = "junction.http.replyRoute";

    private static final System.Logger LOG = System.getLogger(ReplyRouter.class.getName());

    private final String gatewayId;
    private final SubscribableChannel channel;

    ReplyRouter(String gatewayId, SubscribableChannel channel) {
        this.gatewayId = gatewayId;
        this.channel = channel;
    }

    /** Where one request's reply goes. */
    record Route(ReplyRouter router, PendingReply pending) {
        @Override
        public String toString() {
            return "route[" + pending + "]"; // short: headers are printed in logs
        }
    }

    Route routeTo(PendingReply pending) {
        return new Route(this, pending);
    }

    @Override
    public void handleMessage(Message<?> reply) {
        if (reply.getHeaders().get(ROUTE_HEADER) instanceof Route route && route.router() == this) {
            route.pending().send(reply);
            return;
        }
        LOG.log(Level.DEBUG, () -> this + " ignored a message that answers no request of this gateway: " + reply);
    }

    void open() {
        channel.subscribe(this);
    }

    void close() {
        channel.unsubscribe(this);
    }

    @Override
    public String toString() {
        return "replyRouter[gateway=" + gatewayId + ", channel=" + channel.getName() + "]";
    }
}
