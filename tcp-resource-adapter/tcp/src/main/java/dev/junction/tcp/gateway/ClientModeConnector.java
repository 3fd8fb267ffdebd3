package dev.junction.tcp.gateway;

import dev.junction.api.trigger.PeriodicTrigger;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.tcp.connection.TcpClientFactory;
import dev.junction.tcp.connection.TcpConnection;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps an inbound endpoint in client mode connected: it connects when the endpoint starts and, every retry
 * interval on the runtime's scheduler, connects again when the connection broke. The connection is the client
 * factory's shared one, so the requests the server sends on it reach the endpoint.
 */
final class ClientModeConnector {

    private static final System.Logger LOG = System.getLogger(ClientModeConnector.class.getName());

    private final TcpClientFactory factory;
    private final TaskScheduler scheduler;
    private final Duration retryInterval;
    private final String owner;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile TcpConnection connection;
    private ScheduledFuture<?> attempts; // guarded by this

    ClientModeConnector(TcpClientFactory factory, TaskScheduler scheduler, Duration retryInterval, String owner) {
        this.factory = factory;
        this.scheduler = scheduler;
        this.retryInterval = retryInterval;
        this.owner = owner;
    }

    /** Connects at once, in the background, then checks every retry interval. */
    synchronized void start() {
        attempts = scheduler.schedule(this::attempt, PeriodicTrigger.fixedDelay(retryInterval));
    }

    synchronized void stop() {
        if (attempts != null) {
            attempts.cancel(false);
            attempts = null;
        }
    }

    boolean isConnected() {
        TcpConnection current = connection;
        return current != null && current.isOpen();
    }

    /**
     * Connects now unless connected.
     *
     * @throws dev.junction.api.error.MessagingException when the connection cannot be established
     * @throws IllegalStateException when the factory is not running
     */
    void connect() {
        connecting.lock();
        try {
            if (!isConnected()) {
                connection = factory.getConnection();
                LOG.log(Level.INFO, "{0} connected to {1}:{2} in client mode ({3})", owner, factory.host(),
                        factory.options().port(), connection.id());
            }
        } finally {
            connecting.unlock();
        }
    }

    private void attempt() {
        try {
            connect();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "{0} cannot connect to {1}:{2} in client mode ({3}); next attempt in {4}",
                    owner, factory.host(), factory.options().port(), failed.getMessage(), retryInterval);
        }
    }
}
