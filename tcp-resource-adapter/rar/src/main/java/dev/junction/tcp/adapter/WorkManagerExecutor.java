package dev.junction.tcp.adapter;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The server's {@link WorkManager} as the {@link Executor} the TCP connection factories take, so that every task
 * they run (accepting, reading a connection, a selector) is a {@link Work} on a thread the server manages. Tasks
 * are marked long-running, since a blocking reader lives as long as its connection; servers that keep a separate
 * pool for such work use it.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    /** @throws RejectedExecutionException when the work manager refuses the work, as an executor would */
    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new TaskWork(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("The work manager refused a TCP task: " + e.getMessage(), e);
        }
    }

    /**
     * One task as a work. {@link #release()} asks it to end early; the task ends when its factory stops and
     * closes its sockets, which the adapter does when the server stops it, so there is nothing to do here.
     */
    private record TaskWork(Runnable task) implements Work, WorkContextProvider {

        private static final long serialVersionUID = 1L;

        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // the factory's stop() ends the task by closing its socket; see the type's documentation
        }

        @Override
        public List<WorkContext> getWorkContexts() {
            HintsContext hints = new HintsContext();
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
            hints.setName("Junction TCP");
            return List.of(hints);
        }
    }
}
