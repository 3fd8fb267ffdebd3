package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.message.Message;
import dev.junction.tcp.connection.TcpConnection;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Where an outbound gateway sends what arrives with no request waiting for it: a late reply (its requester gave up)
 * or a message the server pushed. Without an unsolicited channel they are logged and dropped.
 */
final class UnsolicitedMessages {

    private static final System.Logger LOG = System.getLogger(UnsolicitedMessages.class.getName());

    private final MessageChannel channel;
    private final TcpMessageMapper mapper;
    private final Duration sendTimeout;
    private final String owner;

    /** @param channel the unsolicited channel, or {@code null} to drop */
    UnsolicitedMessages(MessageChannel channel, TcpMessageMapper mapper, Duration sendTimeout, String owner) {
        this.channel = channel;
        this.mapper = mapper;
        this.sendTimeout = sendTimeout;
        this.owner = owner;
    }

    /** @param late whether it is the reply to a request that gave up waiting */
    void accept(TcpConnection connection, byte[] payload, boolean late) {
        String what = late ? "a late reply" : "a message no request awaited";
        if (channel == null) {
            LOG.log(Level.WARNING, "{0} dropped {1} ({2} bytes) from connection {3}; give it an unsolicited channel"
                    + " to receive such messages", owner, what, payload.length, connection.id());
            return;
        }
        Message<?> message = mapper.toMessage(connection, payload);
        try {
            if (!channel.send(message, sendTimeout)) {
                LOG.log(Level.WARNING, "{0} dropped {1} from connection {2}: the unsolicited channel ''{3}'' did not"
                        + " accept it within {4}", owner, what, connection.id(), channel.getName(), sendTimeout);
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, owner + ": the flow of the unsolicited channel '" + channel.getName()
                    + "' failed on " + what + " from connection " + connection.id(), failed);
        }
    }
}
