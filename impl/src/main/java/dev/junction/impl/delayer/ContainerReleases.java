package dev.junction.impl.delayer;

import jakarta.transaction.UserTransaction;
import java.util.concurrent.Executor;

/**
 * How a Jakarta EE container wants a delayer's releases run. A release may be scheduled from any thread -- when a
 * sender's transaction commits, the scheduling thread is the sender's, and a managed scheduler carries the sender's
 * context into the release, where a container may refuse to begin transactions (Payara refuses its
 * {@code UserTransaction} inside a {@code @Transactional} method's invocation). So each release runs in the context
 * the delayer captured when it started, and demarcates its transaction through the container's
 * {@code UserTransaction}, in whose transactions some containers (Payara) alone enlist their pooled connections.
 *
 * <p>In Java SE there is none: releases demarcate through the transaction manager, on the scheduler's thread as it is.
 */
public interface ContainerReleases {

    /**
     * Captures the calling thread's container context. Called once, on the thread that first starts the delayer's
     * releases (the runtime's start).
     *
     * @return runs each task at once, on the calling thread, in the captured context
     */
    Executor captureContext();

    /** @return what each release begins, commits and rolls back its transaction through */
    UserTransaction transactions();
}
