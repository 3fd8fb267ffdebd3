package dev.junction.cdi;

import dev.junction.impl.scheduling.ExecutorTaskScheduler;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.AmbiguousResolutionException;
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

/**
 * Where one application's pollers and asynchronous gateways run. In a Jakarta EE container: its managed
 * executors, so that tasks carry the application's context and the server manages the threads; in Java SE:
 * the runtime's own scheduler and, for asynchronous gateway calls, daemon threads of the extension's, which run each
 * call in a request context.
 *
 * <p>An executor is taken from, in this order: a bean of the managed executor type with the default qualifier (an
 * application may produce one; Jakarta EE 11 servers offer the defaults as beans), then the default instance in
 * JNDI ({@value #DEFAULT_SCHEDULED_EXECUTOR}, {@value #DEFAULT_EXECUTOR}).
 *
 * @param scheduler    the container's scheduler for pollers, or empty for the runtime's own
 * @param asyncGateway what asynchronous gateway methods run on by default
 * @param releases     releases the bean references and threads taken, when the runtime closes
 * @param description  says which executors these are, for logs
 */
record RuntimeExecutors(Optional<ExecutorTaskScheduler> scheduler, Executor asyncGateway, List<Runnable> releases,
        String description) {

    static final String DEFAULT_SCHEDULED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private static final System.Logger LOG = System.getLogger(RuntimeExecutors.class.getName());

    /**
     * The container's managed executors where it has them, the runtime's own scheduler and the extension's
     * asynchronous gateway threads otherwise. Asynchronous gateway calls run in a request context of their own, as
     * polls do.
     */
    static RuntimeExecutors find(BeanManager beanManager, RequestContexts requestContexts) {
        List<Runnable> onClose = new ArrayList<>();
        Optional<ExecutorTaskScheduler> scheduler = ContainerLookup.bean(beanManager, ManagedScheduledExecutorService.class, onClose::add)
                .or(() -> ContainerLookup.jndi(DEFAULT_SCHEDULED_EXECUTOR, ManagedScheduledExecutorService.class))
                .map(ExecutorTaskScheduler::new);
        Executor managedAsync = ContainerLookup.bean(beanManager, ManagedExecutorService.class, onClose::add)
                .or(() -> ContainerLookup.jndi(DEFAULT_EXECUTOR, ManagedExecutorService.class))
                .map(Executor.class::cast)
                .orElse(null);
        Executor async = requestContexts.around(managedAsync != null ? managedAsync : ownAsyncExecutor(onClose));
        String description = scheduler.isPresent() ? "the container's ManagedScheduledExecutorService"
                : "Junction's own scheduler";
        LOG.log(System.Logger.Level.DEBUG, () -> "Pollers run on " + description + "; asynchronous gateways on "
                + (managedAsync == null ? "Junction's own threads" : "the container's ManagedExecutorService"));
        return new RuntimeExecutors(scheduler, async, List.copyOf(onClose), description);
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

    /**
     * The executor a gateway interface names ({@code @MessagingGateway(asyncExecutor = "name")}): the one
     * {@code @Named} bean of that name whose types include {@code Executor}, running each call in a request context;
     * {@code null} when there is none, which the gateway reports.
     */
    static Executor named(String name, DiscoveredBeans discovered, BeanManager beanManager,
            BeanReferences references, RequestContexts requestContexts) {
        Set<Bean<?>> named = discovered.named(name, beanManager);
        Bean<?> bean;
        try {
            bean = named.isEmpty() ? null : beanManager.resolve(named);
        } catch (AmbiguousResolutionException ambiguous) {
            bean = null;
        }
        if (bean == null) {
            return null;
        }
        Bean<?> executor = bean;
        return BeanReferences.beanTypeAssignableTo(executor, Executor.class)
                .map(type -> requestContexts.around((Executor) references.of(executor, type)))
                .orElse(null);
    }

    /** Releases the bean references and shuts down the extension's own threads. */
    void release() {
        releases.forEach(Runnable::run);
    }
}
