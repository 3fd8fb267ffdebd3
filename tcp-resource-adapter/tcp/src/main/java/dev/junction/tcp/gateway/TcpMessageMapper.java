package dev.junction.tcp.gateway;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import dev.junction.tcp.connection.TcpConnection;
import dev.junction.tcp.connection.TcpConnectionEvent;
import dev.junction.tcp.connection.TcpConnectionEventListener;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns received bytes into messages, with the headers of the connection they came on, and messages into the bytes
 * to write: a {@code byte[]} payload as it is, a {@code String} encoded in the charset.
 *
 * <p>A connection's headers never change, so they are made once per open connection rather than once per message
 * (formatting the address allocates): the mapper listens to its factory's events and forgets a connection when it
 * closes.
 */
final class TcpMessageMapper implements TcpConnectionEventListener {

    private final Charset charset;
    private final boolean stringPayloads;
    private final Map<String, MessageHeaders> headersByConnection = new ConcurrentHashMap<>();

    /** @param stringPayloads whether received payloads become {@code String}s (decoded in the charset), not bytes */
    TcpMessageMapper(Charset charset, boolean stringPayloads) {
        this.charset = charset;
        this.stringPayloads = stringPayloads;
    }

    /** Forgets the headers of a connection that closed. */
    @Override
    public void onEvent(TcpConnectionEvent event) {
        if (event instanceof TcpConnectionEvent.Closed) {
            headersByConnection.remove(event.connectionId());
        }
    }

    /** @return a message of the payload, with the connection's headers */
    Message<?> toMessage(TcpConnection connection, byte[] bytes) {
        return MessageBuilder.withPayload(payload(bytes)).copyHeaders(headers(connection)).build();
    }

    /**
     * @param replies the request's reply and error channel
     * @return a request message of the payload, with the connection's headers and the channel its reply goes to
     */
    Message<?> toMessage(TcpConnection connection, byte[] bytes, MessageChannel replies) {
        return MessageBuilder.withPayload(payload(bytes)).copyHeaders(headers(connection)).setReplyChannel(replies)
                .setErrorChannel(replies).build();
    }

    /** @return the payload a message carries for these bytes */
    Object payload(byte[] bytes) {
        return stringPayloads ? new String(bytes, charset) : bytes;
    }

    /**
     * @return the {@link TcpHeaders} describing the connection, as {@link MessageHeaders}: a builder that starts from
     *         them shares their map until it changes it, instead of copying it
     */
    MessageHeaders headers(TcpConnection connection) {
        MessageHeaders headers = headersByConnection.get(connection.id());
        if (headers != null) {
            return headers;
        }
        headers = describe(connection);
        headersByConnection.put(connection.id(), headers);
        if (!connection.isOpen()) {
            // closed meanwhile: its Closed event may have come before the put, so nothing else would remove it
            headersByConnection.remove(connection.id());
        }
        return headers;
    }

    private static MessageHeaders describe(TcpConnection connection) {
        return MessageBuilder.withPayload(connection.id()).copyHeaders(Map.of(TcpHeaders.CONNECTION_ID, connection.id(),
                TcpHeaders.IP_ADDRESS, connection.remoteAddress().getAddress().getHostAddress(),
                TcpHeaders.HOST_NAME, connection.remoteHost(),
                TcpHeaders.REMOTE_PORT, connection.remoteAddress().getPort())).build().getHeaders();
    }

    /**
     * @param owner names the endpoint in the error (made a {@code String} only then)
     * @throws MessageHandlingException when the payload is neither {@code byte[]} nor {@code String}
     */
    byte[] toBytes(Message<?> message, Object owner) {
        Object payload = message.getPayload();
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(charset);
        }
        throw new MessageHandlingException(message, owner + " cannot write a payload of type "
                + payload.getClass().getName() + " on a TCP connection: it writes byte[] payloads as they are and"
                + " String payloads in " + charset + "; transform the payload into one of them first");
    }
}
