package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/** How client factories hand out connections: a new one each time when single-use, else one shared. */
abstract class AbstractTcpClientFactory extends AbstractTcpConnectionFactory implements TcpClientFactory {

    private final String host;
    private final ReentrantLock sharedLock = new ReentrantLock();
    private AbstractTcpConnection shared; // guarded by sharedLock
    private volatile boolean callerReads;

    AbstractTcpClientFactory(String host, TcpConnectionOptions options, Executor executor,
                             TcpMessageListener listener) {
        super(options, executor, listener);
        this.host = Objects.requireNonNull(host, "host");
        if (options.port() == 0) {
            throw new IllegalArgumentException("JNC-0721 Invalid TCP connection options: port must be the server's"
                    + " port for a client factory, was 0: set TcpConnectionOptions.port");
        }
    }

    /** Connects a socket within the connect timeout and wraps it, without activating it. */
    abstract AbstractTcpConnection connect(InetSocketAddress address, ConnectionContext context) throws IOException;

    @Override
    public final String host() {
        return host;
    }

    @Override
    public final boolean enableCallerReads() {
        if (isRunning()) {
            throw new IllegalStateException(this + " is running: enable caller reads before starting it");
        }
        callerReads = true;
        return true;
    }

    /** @return whether connections are read by their callers, so that the factory needs no task of its own for them */
    final boolean callerReads() {
        return callerReads;
    }

    @Override
    public final TcpConnection getConnection() {
        ConnectionContext context = requireRunning().context();
        if (options().singleUse()) {
            return open(context);
        }
        // One caller connects while the others wait for that connection rather than opening their own.
        sharedLock.lock();
        try {
            if (shared == null || !shared.isOpen()) {
                shared = null;
                shared = open(context);
            }
            return shared;
        } finally {
            sharedLock.unlock();
        }
    }

    private AbstractTcpConnection open(ConnectionContext context) {
        InetSocketAddress address = new InetSocketAddress(host, options().port());
        if (address.isUnresolved()) {
            throw new MessagingException("Cannot connect to " + host + ":" + options().port()
                    + ": the host name cannot be resolved");
        }
        AbstractTcpConnection connection;
        try {
            connection = callerReads ? CallerReadTcpConnection.connect(address, context) : connect(address, context);
        } catch (IOException e) {
            throw new MessagingException(null, "Cannot connect to " + host + ":" + options().port() + " (connect "
                    + "timeout " + options().connectTimeout() + "): " + e, e);
        }
        if (!connection.activate()) {
            throw new MessagingException("Cannot connect to " + host + ":" + options().port() + ": " + this
                    + " stopped meanwhile");
        }
        try {
            connection.startReading();
        } catch (RejectedExecutionException e) {
            connection.close();
            throw new MessagingException(null, "Cannot read the connection to " + host + ":" + options().port()
                    + ": " + e.getMessage(), e);
        }
        return connection;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + host + ":" + options().port() + "]";
    }
}
