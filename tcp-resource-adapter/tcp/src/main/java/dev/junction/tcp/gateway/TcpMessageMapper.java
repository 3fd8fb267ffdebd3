package dev.junction.tcp.gateway;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.tcp.connection.TcpConnection;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * Turns received bytes into messages, with the headers of the connection they came on, and messages into the bytes
 * to write: a {@code byte[]} payload as it is, a {@code String} encoded in the charset.
 */
final class TcpMessageMapper {

    private final Charset charset;
    private final boolean stringPayloads;

    /** @param stringPayloads whether received payloads become {@code String}s (decoded in the charset), not bytes */
    TcpMessageMapper(Charset charset, boolean stringPayloads) {
        this.charset = charset;
        this.stringPayloads = stringPayloads;
    }

    /** @return a message of the payload, with the connection's headers */
    Message<?> toMessage(TcpConnection connection, byte[] bytes) {
        return MessageBuilder.withPayload(payload(bytes)).copyHeaders(headers(connection)).build();
    }

    /** @return the payload a message carries for these bytes */
    Object payload(byte[] bytes) {
        return stringPayloads ? new String(bytes, charset) : bytes;
    }

    /** @return the {@link TcpHeaders} describing the connection */
    static Map<String, Object> headers(TcpConnection connection) {
        return Map.of(TcpHeaders.CONNECTION_ID, connection.id(),
                TcpHeaders.IP_ADDRESS, connection.remoteAddress().getAddress().getHostAddress(),
                TcpHeaders.HOST_NAME, connection.remoteHost(),
                TcpHeaders.REMOTE_PORT, connection.remoteAddress().getPort());
    }

    /**
     * @param owner names the endpoint in the error
     * @throws MessageHandlingException when the payload is neither {@code byte[]} nor {@code String}
     */
    byte[] toBytes(Message<?> message, String owner) {
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
