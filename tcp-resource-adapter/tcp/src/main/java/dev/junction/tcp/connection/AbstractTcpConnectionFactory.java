package dev.junction.tcp.connection;

import dev.junction.api.error.MessagingException;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The lifecycle every factory shares. Each start gets its own tracker and registry, so that a stop waits for and
 * closes exactly what that start began, and a later start begins afresh.
 */
abstract class AbstractTcpConnectionFactory implements TcpConnectionFactory {

    /** What one start of the factory runs with. */
    record Running(ConnectionContext context, Closeable transport) {
    }

    private final TcpConnectionOptions options;
    private final Executor executor;
    private final TcpMessageListener listener;
    private final EventPublisher events = new EventPublisher();
    private final Object lifecycle = new Object();
    private volatile Running running;

    AbstractTcpConnectionFactory(TcpConnectionOptions options, Executor executor, TcpMessageListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** @return the executor the factory's tasks run on */
    final Executor executor() {
        return executor;
    }

    /**
     * Opens what the factory listens or selects with and gives the executor its first tasks.
     *
     * @return what {@link #stop()} closes first, so that no connection is accepted any more; cleaned up by this
     *         method itself when it fails
     */
    abstract Closeable startTransport(ConnectionContext context) throws IOException;

    @Override
    public final void start() {
        synchronized (lifecycle) {
            if (running != null) {
                return;
            }
            TaskTracker tracker = new TaskTracker(executor, toString());
            ConnectionContext context = new ConnectionContext(options, listener, events, new ConnectionRegistry(),
                    tracker);
            try {
                running = new Running(context, startTransport(context));
            } catch (IOException | RejectedExecutionException e) {
                tracker.close();
                tracker.awaitTasks();
                throw new MessagingException(null, "Cannot start " + this + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public final void stop() {
        Running stopping;
        synchronized (lifecycle) {
            stopping = running;
            running = null;
        }
        if (stopping == null) {
            return;
        }
        SocketConfigurer.closeQuietly(stopping.transport());
        stopping.context().registry().closeAll();
        stopping.context().tracker().close();
        stopping.context().tracker().awaitTasks();
    }

    @Override
    public final boolean isRunning() {
        return running != null;
    }

    @Override
    public final TcpConnectionOptions options() {
        return options;
    }

    @Override
    public final List<TcpConnection> openConnections() {
        Running current = running;
        return current == null ? List.of() : current.context().registry().snapshot();
    }

    @Override
    public final void addEventListener(TcpConnectionEventListener listener) {
        events.add(listener);
    }

    @Override
    public final void removeEventListener(TcpConnectionEventListener listener) {
        events.remove(listener);
    }

    /** @throws IllegalStateException when the factory is not running */
    final Running requireRunning() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException(this + " is not running: call start() first");
        }
        return current;
    }
}
