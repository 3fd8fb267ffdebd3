package dev.junction.tcp.connection;

import java.time.Duration;

/**
 * A client connection read by the thread that uses it, not by a task of its factory: after sending a request, the
 * caller reads the reply from the socket itself with {@link #receive}, so no thread hands the reply over to another.
 * A client factory makes such connections once {@link TcpClientFactory#enableCallerReads()} was called.
 *
 * <p>One user at a time: whoever holds the connection (the only user of a single-use or lent connection, or the
 * holder of a shared connection's turn) calls {@link #prepareExchange()}, sends, then {@link #receive}s. Between
 * exchanges nobody reads the connection: what the server sends then, and the end of the stream, are seen by the next
 * {@link #prepareExchange()}, which hands payloads nobody awaited to the factory's listener and closes a connection
 * the server closed.
 */
public interface CallerReadConnection extends TcpConnection {

    /**
     * Makes the connection ready for an exchange, on the calling thread: every payload that arrived since the last
     * exchange goes to the factory's listener (nobody awaited it); an end of stream, a failure or (with a socket
     * timeout) a connection idle too long closes it.
     *
     * @return whether the connection is open, so that the caller may send on it; otherwise take another
     * @throws IllegalStateException when another thread is reading the connection
     */
    boolean prepareExchange();

    /**
     * Reads the next payload on the calling thread, waiting up to the timeout (or the socket timeout, when one is set
     * and shorter: the connection is then idle and closed).
     *
     * @return the payload, without its framing
     * @throws dev.junction.api.error.MessageTimeoutException when nothing came within the timeout, or the thread was
     *         interrupted (its flag is kept): the connection is closed, so that nobody takes a later reply for another
     * @throws dev.junction.api.error.MessagingException when the connection ended, failed or the frame was invalid
     *         first: it is closed
     * @throws IllegalStateException when another thread is reading the connection
     */
    byte[] receive(Duration timeout);
}
