package dev.junction.tcp.adapter;

import dev.junction.tcp.connection.TcpConnectionOptions;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where and how an inbound endpoint listens: a TCP server on {@code port} (required; 0 for an ephemeral port),
 * bound to {@code bindAddress} (an IP literal; unset: every interface), with {@code nio} selecting the NIO server
 * (default: blocking, one work per connection), {@code selectors} the NIO server's count of selectors (default 1, see
 * {@link TcpConnectionOptions#selectors()}) and the socket properties every level shares ({@code serializer},
 * {@code maxMessageSize}, {@code soTimeout}, {@code connectTimeout}, {@code sendTimeout}, {@code tcpNoDelay},
 * {@code keepAlive}); a property set here wins over the adapter's, which wins over the default. Its endpoints implement
 * {@link TcpRequestListener}.
 */
public class TcpActivationSpec implements ActivationSpec {

    private static final String BEAN = "TcpActivationSpec";

    private Integer port;
    private String bindAddress;
    private Boolean nio;
    private Integer selectors;
    private final TcpSettings settings = new TcpSettings();
    private TcpResourceAdapter adapter;

    /** Unconfigured, as the server creates it; set at least {@code port}. */
    public TcpActivationSpec() {
    }

    /**
     * @throws InvalidPropertyException with a coded message naming the first invalid property
     */
    @Override
    public void validate() throws InvalidPropertyException {
        options();
    }

    /** @return the server options: this spec's properties over the adapter's over the defaults */
    TcpConnectionOptions options() throws InvalidPropertyException {
        if (port == null || port < 0 || port > 65_535) {
            throw AdapterRule.INVALID_PORT.invalid(BEAN, "port", port);
        }
        TcpSettings effective = adapter == null ? settings : settings.over(adapter.settings());
        TcpConnectionOptions.Builder options = effective.options(BEAN).port(port);
        if (bindAddress != null) {
            options.localAddress(address());
        }
        if (selectors != null) {
            options.selectors(TcpSettings.atLeast(1, selectors, BEAN, "selectors"));
        }
        return options.build();
    }

    /** @return whether the NIO server is asked for */
    boolean nio() {
        return Boolean.TRUE.equals(nio);
    }

    /** @return the values that tell activations apart, so that activating twice the same way is recognised */
    List<Object> values() {
        return Arrays.asList(port, bindAddress, nio, selectors, settings);
    }

    private InetAddress address() throws InvalidPropertyException {
        // Only literals: a name would make deployment wait on a DNS look-up, and bind wherever it resolves.
        String literal = bindAddress.trim();
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw AdapterRule.INVALID_ADDRESS.invalid(BEAN, "bindAddress", bindAddress);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw AdapterRule.INVALID_ADDRESS.invalid(BEAN, "bindAddress", bindAddress);
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = (TcpResourceAdapter) adapter;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Boolean getNio() {
        return nio;
    }

    public void setNio(Boolean nio) {
        this.nio = nio;
    }

    public Integer getSelectors() {
        return selectors;
    }

    public void setSelectors(Integer selectors) {
        this.selectors = selectors;
    }

    public String getSerializer() {
        return settings.serializer;
    }

    public void setSerializer(String serializer) {
        settings.serializer = serializer;
    }

    public Integer getMaxMessageSize() {
        return settings.maxMessageSize;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        settings.maxMessageSize = maxMessageSize;
    }

    public Long getSoTimeout() {
        return settings.soTimeout;
    }

    public void setSoTimeout(Long soTimeout) {
        settings.soTimeout = soTimeout;
    }

    public Long getSendTimeout() {
        return settings.sendTimeout;
    }

    /**
     * @param sendTimeout ms a write may wait for the peer to read (its socket buffers full) before the connection is
     *                    closed; at least 1; unset: the level above's, then 10 s
     */
    public void setSendTimeout(Long sendTimeout) {
        settings.sendTimeout = sendTimeout;
    }

    public Long getConnectTimeout() {
        return settings.connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        settings.connectTimeout = connectTimeout;
    }

    public Boolean getTcpNoDelay() {
        return settings.tcpNoDelay;
    }

    public void setTcpNoDelay(Boolean tcpNoDelay) {
        settings.tcpNoDelay = tcpNoDelay;
    }

    public Boolean getKeepAlive() {
        return settings.keepAlive;
    }

    public void setKeepAlive(Boolean keepAlive) {
        settings.keepAlive = keepAlive;
    }

    @Override
    public String toString() {
        return "TcpActivationSpec[port=" + port + ", bindAddress=" + bindAddress + ", nio=" + nio
                + ", selectors=" + selectors + ", " + settings + "]";
    }
}
