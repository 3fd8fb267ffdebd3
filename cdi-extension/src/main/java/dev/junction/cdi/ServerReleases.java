package dev.junction.cdi;

import dev.junction.impl.delayer.ContainerReleases;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.transaction.UserTransaction;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a delayer's releases run in a Jakarta EE server: each in the application context captured, through the
 * server's {@link ContextService}, when the delayer started, and in a transaction begun through the server's
 * {@link UserTransaction}. The captured context matters on Payara: a release scheduled when a {@code @Transactional}
 * method commits would otherwise run in that method's invocation, carried over by the managed scheduler, where Payara
 * refuses {@code UserTransaction} calls ("Operation not allowed").
 *
 * @param transactions   the server's user transaction
 * @param contextService the server's context service; empty: releases run in the scheduler's context as it is
 */
record ServerReleases(UserTransaction transactions, Optional<ContextService> contextService)
        implements ContainerReleases {

    /** Where Jakarta EE servers bind their default context service. */
    static final String DEFAULT_CONTEXT_SERVICE = "java:comp/DefaultContextService";

    ServerReleases {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(contextService, "contextService");
    }

    @Override
    public Executor captureContext() {
        Executor direct = new DirectExecutor();
        return contextService.map(service -> service.createContextualProxy(direct, Executor.class)).orElse(direct);
    }

    /** Runs each task at once on the calling thread: wrapped in a contextual proxy, in the captured context. */
    private static final class DirectExecutor implements Executor {
        @Override
        public void execute(Runnable task) {
            task.run();
        }
    }
}
