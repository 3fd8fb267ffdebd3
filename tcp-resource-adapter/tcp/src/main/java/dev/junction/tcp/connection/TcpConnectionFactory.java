package dev.junction.tcp.connection;

import java.util.List;

/**
 * What server and client connection factories have in common: a lifecycle, options, and event listeners. A factory
 * creates no thread: every task it needs (accepting, reading, its selector) runs on the
 * {@link java.util.concurrent.Executor} it was given; see the package documentation for how many threads each kind
 * needs.
 *
 * <p>A factory may be stopped and started again. Thread-safe.
 */
public interface TcpConnectionFactory {

    /**
     * Starts the factory: a server binds its port, a client becomes able to connect. Does nothing when running.
     *
     * @throws dev.junction.api.error.MessagingException when it cannot start (the port is taken, the executor
     *         refuses the task)
     */
    void start();

    /**
     * Stops the factory: a server stops listening, and every connection it made is closed. Returns once every task
     * it gave its executor has ended or, never having started, has been withdrawn. Does nothing when stopped.
     * Calling it from one of the factory's own tasks (a listener) does not wait for that task.
     */
    void stop();

    /** @return whether the factory is started and not stopped */
    boolean isRunning();

    /** @return the options the factory was made with */
    TcpConnectionOptions options();

    /** @return the connections that are open now, in no particular order */
    List<TcpConnection> openConnections();

    /** @param listener told about every connection's events from now on */
    void addEventListener(TcpConnectionEventListener listener);

    /** @param listener no longer told about events; does nothing when it was not registered */
    void removeEventListener(TcpConnectionEventListener listener);
}
