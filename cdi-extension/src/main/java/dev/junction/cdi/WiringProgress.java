package dev.junction.cdi;

import dev.junction.impl.runtime.JunctionRuntime;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Where deployment validation is in wiring the runtime, for the observers that start it. The runtime exists from the
 * start of validation, since the beans created while it is wired (gateways, channels, declarations) need it, but it
 * may be started only once every endpoint and every declared flow is in it: a runtime started half-wired leaves the
 * channels of the endpoints wired after the start without subscribers, and refuses the flows declared after it.
 *
 * <p>A container may signal the application's start on another thread while validation is still wiring; that thread
 * waits here until the wiring is over. The wait cannot deadlock on the wiring thread itself, which is told instead.
 */
final class WiringProgress {

    private final CountDownLatch over = new CountDownLatch(1);
    private volatile Thread wiringThread;
    private volatile boolean begun;
    private volatile JunctionRuntime wired;

    /** Deployment validation starts wiring, on the calling thread. */
    void begin() {
        wiringThread = Thread.currentThread(); // before begun: whoever sees begun sees the thread, or the end
        begun = true;
    }

    /** Everything is wired and validated: the runtime may start. */
    void succeeded(JunctionRuntime runtime) {
        wired = runtime;
    }

    /** The wiring is over, whether it succeeded or failed the deployment. */
    void end() {
        wiringThread = null;
        over.countDown();
    }

    /**
     * @return the runtime to start, once the wiring is over; empty when validation has not begun (a container that
     *         initializes the application context before validation: the caller starts it later) or when the wiring
     *         failed the deployment
     * @throws IllegalStateException on the thread that is wiring the runtime: it is not ready, and waiting for itself
     *                               would never end
     */
    Optional<JunctionRuntime> awaitWired() {
        if (!begun) {
            return Optional.empty();
        }
        if (Thread.currentThread() == wiringThread) {
            throw new IllegalStateException("The application context was initialized while the Junction extension was"
                    + " wiring the runtime at deployment validation, on the same thread: application code observing"
                    + " that event would send into flows not yet started. Fire no @Initialized(ApplicationScoped.class)"
                    + " event from AfterDeploymentValidation observers or the beans they create");
        }
        boolean interrupted = false;
        while (true) {
            try {
                over.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the start must not go on half-wired; the interrupt is kept for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(wired);
    }
}
