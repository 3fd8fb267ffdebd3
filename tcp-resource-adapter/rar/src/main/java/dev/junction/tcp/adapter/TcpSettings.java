package dev.junction.tcp.adapter;

import dev.junction.tcp.codec.FrameCodecs;
import dev.junction.tcp.connection.TcpConnectionOptions;
import jakarta.resource.spi.InvalidPropertyException;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The socket and framing properties the adapter, a connection definition and an activation spec all accept. A
 * value left unset (null) is taken from the level above: a connection definition or an activation spec falls back
 * to the adapter, the adapter to the defaults of {@link TcpConnectionOptions} (the serializer to CRLF). Mutable
 * because Connectors beans are configured through JavaBean setters; each bean copies its values into a
 * {@link TcpConnectionOptions} before using them.
 */
final class TcpSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    String serializer;
    Integer maxMessageSize;
    Long soTimeout;
    Long connectTimeout;
    Long sendTimeout;
    Boolean tcpNoDelay;
    Boolean keepAlive;

    /** @return these values, with every unset one taken from {@code fallback} */
    TcpSettings over(TcpSettings fallback) {
        TcpSettings merged = new TcpSettings();
        merged.serializer = serializer != null ? serializer : fallback.serializer;
        merged.maxMessageSize = maxMessageSize != null ? maxMessageSize : fallback.maxMessageSize;
        merged.soTimeout = soTimeout != null ? soTimeout : fallback.soTimeout;
        merged.connectTimeout = connectTimeout != null ? connectTimeout : fallback.connectTimeout;
        merged.sendTimeout = sendTimeout != null ? sendTimeout : fallback.sendTimeout;
        merged.tcpNoDelay = tcpNoDelay != null ? tcpNoDelay : fallback.tcpNoDelay;
        merged.keepAlive = keepAlive != null ? keepAlive : fallback.keepAlive;
        return merged;
    }

    /**
     * Checks the values that are set and turns them into options, the defaults of {@link TcpConnectionOptions}
     * standing for the unset ones.
     *
     * @param bean names the bean in a problem, e.g. {@code TcpActivationSpec}
     * @throws InvalidPropertyException with a coded message naming the first invalid property
     */
    TcpConnectionOptions.Builder options(String bean) throws InvalidPropertyException {
        TcpConnectionOptions.Builder options = TcpConnectionOptions.builder(serializer == null
                ? FrameCodecs.defaultCodec()
                : Serializers.byName(serializer).orElseThrow(
                        () -> AdapterRule.UNKNOWN_SERIALIZER.invalid(bean, "serializer", serializer)));
        if (maxMessageSize != null) {
            options.maxMessageSize(atLeast(1, maxMessageSize, bean, "maxMessageSize"));
        }
        if (soTimeout != null) {
            options.soTimeout(Duration.ofMillis(atLeast(0, soTimeout, bean, "soTimeout")));
        }
        if (connectTimeout != null) {
            options.connectTimeout(Duration.ofMillis(atLeast(1, connectTimeout, bean, "connectTimeout")));
        }
        if (sendTimeout != null) {
            // never 0 here, unlike TcpConnectionOptions: without a limit, a peer that stops reading would hold a
            // server's thread (the connection's reader work, writing a reply) for ever
            if (sendTimeout < 1 || sendTimeout > Integer.MAX_VALUE) {
                throw AdapterRule.NO_SEND_LIMIT.invalid(bean, "sendTimeout", sendTimeout);
            }
            options.sendTimeout(Duration.ofMillis(sendTimeout));
        }
        if (tcpNoDelay != null) {
            options.tcpNoDelay(tcpNoDelay);
        }
        if (keepAlive != null) {
            options.keepAlive(keepAlive);
        }
        return options;
    }

    /** @throws InvalidPropertyException ({@code JNC-1103}) when the value is below the minimum or not an int */
    static int atLeast(long minimum, long value, String bean, String property) throws InvalidPropertyException {
        if (value < minimum || value > Integer.MAX_VALUE) {
            throw AdapterRule.OUT_OF_RANGE.invalid(bean, property, value);
        }
        return (int) value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TcpSettings that && Objects.equals(serializer, that.serializer)
                && Objects.equals(maxMessageSize, that.maxMessageSize) && Objects.equals(soTimeout, that.soTimeout)
                && Objects.equals(connectTimeout, that.connectTimeout) && Objects.equals(sendTimeout, that.sendTimeout)
                && Objects.equals(tcpNoDelay, that.tcpNoDelay)
                && Objects.equals(keepAlive, that.keepAlive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serializer, maxMessageSize, soTimeout, connectTimeout, sendTimeout, tcpNoDelay,
                keepAlive);
    }

    @Override
    public String toString() {
        return "serializer=" + serializer + ", maxMessageSize=" + maxMessageSize + ", soTimeout=" + soTimeout
                + ", connectTimeout=" + connectTimeout + ", sendTimeout=" + sendTimeout + ", tcpNoDelay=" + tcpNoDelay
                + ", keepAlive=" + keepAlive;
    }
}
