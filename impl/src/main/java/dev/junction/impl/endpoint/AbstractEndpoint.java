package dev.junction.impl.endpoint;

import dev.junction.api.runtime.Endpoint;
import java.util.Objects;

/**
 * Base of every endpoint: an id, a running state and whether it starts with its application. Start and stop are
 * serialised, so concurrent calls cannot interleave half-started states.
 */
public abstract class AbstractEndpoint implements Lifecycle, Endpoint {

    private final String id;
    private final boolean autoStartup;
    private final Object lifecycleLock = new Object();
    private volatile boolean running;

    protected AbstractEndpoint(String id, boolean autoStartup) {
        this.id = Objects.requireNonNull(id, "An endpoint needs an id");
        this.autoStartup = autoStartup;
    }

    /** @return the endpoint's id, unique within its application */
    @Override
    public String getId() {
        return id;
    }

    /** @return whether the application starts this endpoint (otherwise it starts on demand) */
    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public final void start() {
        synchronized (lifecycleLock) {
            if (!running) {
                running = true;
                try {
                    doStart();
                } catch (RuntimeException failed) {
                    running = false;
                    throw failed;
                }
            }
        }
    }

    @Override
    public final void stop() {
        synchronized (lifecycleLock) {
            if (running) {
                running = false;
                doStop();
            }
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    protected abstract void doStart();

    protected abstract void doStop();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
