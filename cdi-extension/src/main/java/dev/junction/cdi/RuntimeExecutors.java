package dev.junction.cdi;

import dev.junction.impl.scheduling.ExecutorTaskScheduler;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where one application's pollers and asynchronous gateways run. In a Jakarta EE container: its managed
 * executors, so that tasks carry the application's context and the server manages the threads; in Java SE:
 * Junction's own scheduler, shut down with the container.
 *
 * <p>An executor is taken from, in this order: a bean of the managed executor type with the default qualifier (an
 * application may produce one; Jakarta EE 11 servers offer the defaults as beans), then the default instance in
 * JNDI ({@value #DEFAULT_SCHEDULED_EXECUTOR}, {@value #DEFAULT_EXECUTOR}).
 *
 * @param scheduler    what pollers schedule on; closing it stops its threads only when they are Junction's own
 * @param asyncGateway what asynchronous gateway methods run on, or {@code null} for each gateway's own executor
 *                     (plain Java)
 * @param releases     releases the bean references taken, on {@link #close()}
 * @param description  says which executors these are, for logs
 */
record RuntimeExecutors(ExecutorTaskScheduler scheduler, Executor asyncGateway, List<Runnable> releases,
        String description) {

    static final String DEFAULT_SCHEDULED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    /**
     * Each poll waiting in a receive holds a scheduler thread for up to its receive timeout, so a handful of
     * pollers would starve a pool sized by CPUs; as many threads as Spring's default scheduler.
     */
    static final int OWN_SCHEDULER_THREADS = 10;

    private static final System.Logger LOG = System.getLogger(RuntimeExecutors.class.getName());

    /** Junction's own scheduler, for Java SE and plain tests. */
    static RuntimeExecutors own() {
        return new RuntimeExecutors(new SimpleTaskScheduler(OWN_SCHEDULER_THREADS), null, List.of(),
                "Junction's own scheduler (" + OWN_SCHEDULER_THREADS + " threads)");
    }

    /**
     * The container's managed executors where it has them, Junction's own scheduler and asynchronous gateway threads
     * otherwise. Asynchronous gateway calls run in a request context of their own, as polls do.
     */
    static RuntimeExecutors find(BeanManager beanManager, RequestContexts requestContexts) {
        List<Runnable> onClose = new ArrayList<>();
        Optional<ManagedScheduledExecutorService> scheduled = bean(beanManager, ManagedScheduledExecutorService.class,
                onClose).or(() -> jndi(DEFAULT_SCHEDULED_EXECUTOR, ManagedScheduledExecutorService.class));
        Executor managedAsync = bean(beanManager, ManagedExecutorService.class, onClose)
                .or(() -> jndi(DEFAULT_EXECUTOR, ManagedExecutorService.class))
                .map(Executor.class::cast)
                .orElse(null);
        Executor async = requestContexts.around(managedAsync != null ? managedAsync : ownAsyncExecutor(onClose));
        RuntimeExecutors found = scheduled
                .map(managed -> new RuntimeExecutors(new ExecutorTaskScheduler(managed), async, onClose,
                        "the container's ManagedScheduledExecutorService"))
                .orElseGet(() -> {
                    RuntimeExecutors own = own();
                    return new RuntimeExecutors(own.scheduler(), async, onClose, own.description());
                });
        LOG.log(System.Logger.Level.DEBUG, () -> "Pollers run on " + found.description() + "; asynchronous gateways on "
                + (managedAsync == null ? "Junction's own threads" : "the container's ManagedExecutorService"));
        return found;
    }

    /** Daemon threads for asynchronous gateway calls, created as needed and ended after a minute idle. */
    private static Executor ownAsyncExecutor(List<Runnable> onClose) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "junction-gateway-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        onClose.add(pool::shutdown); // calls in progress finish
        return pool;
    }

    /** Cancels the schedules (shutting the threads down only when they are Junction's own), releases the beans. */
    void close() {
        scheduler.close();
        releases.forEach(Runnable::run);
    }

    private static <T> Optional<T> bean(BeanManager beanManager, Class<T> type, List<Runnable> onClose) {
        Set<Bean<?>> beans = beanManager.getBeans(type);
        if (beans.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean = beanManager.resolve(beans);
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        onClose.add(context::release);
        return Optional.of(type.cast(beanManager.getReference(bean, type, context)));
    }

    private static <T> Optional<T> jndi(String name, Class<T> type) {
        try {
            Object found = new InitialContext().lookup(name);
            return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
        } catch (NamingException | RuntimeException notThere) {
            // Java SE: no naming service, or no default instance bound
            return Optional.empty();
        }
    }
}
