package dev.junction.tcp.gateway;

/**
 * The headers TCP endpoints put on the messages they receive, naming the connection a payload came on. An inbound
 * gateway writes a reply on the connection its {@link #CONNECTION_ID} names, and an outbound channel adapter on a
 * server's connections sends to the one it names, so a reply built as a new message must carry it over.
 */
public final class TcpHeaders {

    /** The id of the connection the payload came on ({@link dev.junction.tcp.connection.TcpConnection#id()}). */
    public static final String CONNECTION_ID = "ip_connectionId";
    /** The peer's numeric IP address, a {@code String}. */
    public static final String IP_ADDRESS = "ip_address";
    /** The peer's host: its numeric address, or its name when the factory looks host names up. */
    public static final String HOST_NAME = "ip_hostname";
    /** The peer's port, an {@code Integer}. */
    public static final String REMOTE_PORT = "ip_tcp_remotePort";

    private TcpHeaders() {
    }
}
