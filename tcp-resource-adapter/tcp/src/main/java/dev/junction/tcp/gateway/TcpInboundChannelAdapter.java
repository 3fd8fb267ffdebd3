package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.ErrorMessage;
import dev.junction.api.message.Message;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionFactory;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * One-way TCP in: each payload received becomes a message (a {@code byte[]} payload by default, or a
 * {@code String}) with the {@link TcpHeaders} of its connection, sent to the output channel; nothing is written
 * back. An outbound channel adapter collaborating with it (declared with
 * {@code Tcp.outboundAdapter(junction, adapter)}) answers on the connection the header names, or sends the messages
 * this adapter then receives the replies to. A failure goes to the error channel, when there is one; otherwise it is
 * logged and told as a {@link TcpGatewayEvent.ExchangeFailed}. Declared with {@link Tcp#inboundAdapter}.
 */
public final class TcpInboundChannelAdapter extends TcpInboundEndpoint {

    private static final System.Logger LOG = System.getLogger(TcpInboundChannelAdapter.class.getName());

    private final MessageChannel outputChannel;
    private final MessageChannel errorChannel;
    private final Duration sendTimeout;

    TcpInboundChannelAdapter(InboundSettings settings, TcpConnectionFactory factory, ListenerRelay relay) {
        super(settings, factory, relay);
        this.outputChannel = settings.channel();
        this.errorChannel = settings.errorChannel();
        this.sendTimeout = settings.requestTimeout();
    }

    @Override
    void handle(TcpConnection connection, byte[] payload) {
        Message<?> message = mapper().toMessage(connection, payload);
        RuntimeException failure;
        try {
            send(outputChannel, message, "output channel");
            return;
        } catch (RuntimeException failed) {
            failure = failed;
        }
        if (errorChannel != null) {
            try {
                send(errorChannel, new ErrorMessage(RequestReply.failure(failure, message, toString()), message),
                        "error channel");
                return;
            } catch (RuntimeException errorFlowFailed) {
                errorFlowFailed.addSuppressed(failure);
                failure = errorFlowFailed;
            }
        }
        LOG.log(Level.WARNING, this + ": the message from connection " + connection.id() + " failed", failure);
        events().publish(new TcpGatewayEvent.ExchangeFailed(getId(), connection.id(), message, failure, false));
    }

    private void send(MessageChannel channel, Message<?> message, String role) {
        if (!channel.send(message, sendTimeout)) {
            throw new MessageDeliveryException(message, this + ": the " + role + " '" + channel.getName()
                    + "' did not accept the message within " + sendTimeout);
        }
    }
}
