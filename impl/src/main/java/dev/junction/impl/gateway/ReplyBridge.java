package dev.junction.impl.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.message.Message;
import java.lang.System.Logger.Level;

/**
 * Connects an explicit reply channel to the callers waiting on their temporary channels. A gateway that has a
 * reply channel sends each request with that channel as its {@code replyChannel} header, so the reply lands
 * there whichever way the flow routes it (an output channel or the header) and every subscriber of the channel
 * sees it; this bridge, one of those subscribers, forwards the reply to the temporary channel of the call, which
 * travels in the {@value #ROUTE_HEADER} header.
 *
 * <p>The route names the bridge it belongs to, so when several gateways (or several gateway proxies) share a
 * publish-subscribe reply channel each reply is forwarded once, by its own gateway's bridge. A reply whose caller
 * stopped waiting is refused by the temporary channel, which logs it and keeps nothing.
 */
public final class ReplyBridge implements MessageHandler {

    /** The header carrying a call's {@link Route}. */
    public static final String ROUTE_HEADER = "junction.gateway.replyRoute";

    private static final System.Logger LOG = System.getLogger(ReplyBridge.class.getName());

    private final String gatewayName;
    private final SubscribableChannel channel;

    /**
     * @param gatewayName how logs name the gateway the bridge serves
     * @param channel     the explicit reply channel to listen to (once {@link #open() opened})
     */
    public ReplyBridge(String gatewayName, SubscribableChannel channel) {
        this.gatewayName = gatewayName;
        this.channel = channel;
    }

    /**
     * Where one call's reply goes: the bridge that may deliver it and the channel the caller waits on (a temporary
     * reply channel, or an HTTP request's pending reply).
     */
    public record Route(ReplyBridge bridge, MessageChannel replies) {
        @Override
        public String toString() {
            return "route[" + replies + "]"; // short: headers are printed in logs
        }
    }

    /** @return the route to put in a request's {@value #ROUTE_HEADER} header */
    public Route routeTo(MessageChannel replies) {
        return new Route(this, replies);
    }

    @Override
    public void handleMessage(Message<?> reply) {
        if (reply.getHeaders().get(ROUTE_HEADER) instanceof Route route && route.bridge() == this) {
            route.replies().send(reply); // refused when the caller gave up: the waiting channel logs that
            return;
        }
        // another gateway's reply on a shared channel, or a message not sent through a gateway: not ours
        LOG.log(Level.DEBUG, () -> this + " ignored a message that belongs to no call of this gateway: " + reply);
    }

    /** Subscribes to the reply channel. */
    public void open() {
        channel.subscribe(this);
    }

    /** Unsubscribes from the reply channel. */
    public void close() {
        channel.unsubscribe(this);
    }

    @Override
    public String toString() {
        return "replyBridge[gateway=" + gatewayName + ", channel=" + channel.getName() + "]";
    }
}
