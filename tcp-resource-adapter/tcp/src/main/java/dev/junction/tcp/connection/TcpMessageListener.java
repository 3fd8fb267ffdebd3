package dev.junction.tcp.connection;

/**
 * Receives every payload a factory's connections decode. Called by one task at a time per connection and in the
 * order the payloads arrived on it; calls for different connections may run concurrently. An exception it throws is
 * published as a {@link TcpConnectionEvent.ExceptionOccurred} and the connection goes on reading.
 */
@FunctionalInterface
public interface TcpMessageListener {

    /**
     * @param connection the connection the payload arrived on, to reply on or to correlate by {@link
     *                   TcpConnection#id()}
     * @param payload    the decoded payload, without its framing
     */
    void onMessage(TcpConnection connection, byte[] payload);
}
