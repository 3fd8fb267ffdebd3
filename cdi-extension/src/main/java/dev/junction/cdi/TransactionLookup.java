package dev.junction.cdi;

import dev.junction.impl.delayer.ContainerReleases;
import dev.junction.impl.poller.TransactionalPollAdvice;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds how transactional pollers demarcate their transactions in this container, in this order:
 * <ol>
 * <li>a {@link UserTransaction} bean (Jakarta EE servers have one built in), else the one bound at
 * {@value #USER_TRANSACTION_JNDI_NAME}: some servers (Payara) enlist their pooled connections only in transactions
 * begun through it;</li>
 * <li>a {@link TransactionManager} bean (Narayana's CDI module registers one in Java SE), else one of the JNDI names
 * under which servers publish it ({@link #TRANSACTION_MANAGER_JNDI_NAMES}).</li>
 * </ol>
 * Looks once, and only when a transactional poller asks. Delayers ask for the transaction manager (to join a
 * sender's transaction) and for {@link #containerReleases() how to run their releases}.
 *
 * <p>Not thread-safe: used by the one thread wiring the deployment.
 */
final class TransactionLookup {

    static final String USER_TRANSACTION_JNDI_NAME = "java:comp/UserTransaction";
    /** Where servers bind their transaction manager: the portable-looking name, WildFly, Payara/GlassFish. */
    static final List<String> TRANSACTION_MANAGER_JNDI_NAMES = List.of("java:comp/TransactionManager",
            "java:/TransactionManager", "java:appserver/TransactionManager");

    private final BeanManager beanManager;
    private final Consumer<Runnable> onClose;
    private Optional<TransactionalPollAdvice> found;
    private Optional<TransactionManager> manager;
    private Optional<ContainerReleases> releases;
    private String notFound;

    /**
     * @param beanManager the container's bean manager
     * @param onClose     takes what to release when the runtime closes (a dependent reference's context)
     */
    TransactionLookup(BeanManager beanManager, Consumer<Runnable> onClose) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** @return the advice running each poll in a transaction, or empty (then {@link #whyNotFound()} says why) */
    Optional<TransactionalPollAdvice> find() {
        if (found == null) {
            found = bean(UserTransaction.class).or(() -> jndi(USER_TRANSACTION_JNDI_NAME, UserTransaction.class))
                    .map(TransactionalPollAdvice::of)
                    .or(() -> bean(TransactionManager.class)
                            .or(() -> TRANSACTION_MANAGER_JNDI_NAMES.stream()
                                    .flatMap(name -> jndi(name, TransactionManager.class).stream()).findFirst())
                            .map(TransactionalPollAdvice::of));
        }
        return found;
    }

    /**
     * @return the container's transaction manager -- a bean, else one bound under a JNDI name of
     *         {@link #TRANSACTION_MANAGER_JNDI_NAMES} -- for the components that register synchronizations with the
     *         caller's transaction (a delayer); looked up once
     */
    Optional<TransactionManager> transactionManager() {
        if (manager == null) {
            manager = bean(TransactionManager.class).or(() -> TRANSACTION_MANAGER_JNDI_NAMES.stream()
                    .flatMap(name -> jndi(name, TransactionManager.class).stream()).findFirst());
        }
        return manager;
    }

    /**
     * @return how delayers run their releases in this server: through the {@link UserTransaction} (a bean, else the
     *         one at {@value #USER_TRANSACTION_JNDI_NAME}), in the context the server's {@code ContextService}
     *         (a bean, else the default one in JNDI) captures when a delayer starts; empty without a
     *         {@code UserTransaction} (Java SE), where delayers use {@link #transactionManager()}
     */
    Optional<ContainerReleases> containerReleases() {
        if (releases == null) {
            releases = bean(UserTransaction.class).or(() -> jndi(USER_TRANSACTION_JNDI_NAME, UserTransaction.class))
                    .map(userTransaction -> new ServerReleases(userTransaction, contextService()));
        }
        return releases;
    }

    private Optional<ContextService> contextService() {
        try {
            return ContainerLookup.bean(beanManager, ContextService.class, onClose)
                    .or(() -> ContainerLookup.jndi(ServerReleases.DEFAULT_CONTEXT_SERVICE, ContextService.class));
        } catch (AmbiguousResolutionException ambiguous) { // the application's own: the server's default is meant
            return ContainerLookup.jndi(ServerReleases.DEFAULT_CONTEXT_SERVICE, ContextService.class);
        }
    }

    /** @return why {@link #find()} found nothing */
    String whyNotFound() {
        return notFound != null ? notFound : "no bean of type " + UserTransaction.class.getName() + " or "
                + TransactionManager.class.getName() + " is available, and JNDI has neither at "
                + USER_TRANSACTION_JNDI_NAME + " nor at " + TRANSACTION_MANAGER_JNDI_NAMES;
    }

    private <T> Optional<T> bean(Class<T> type) {
        if (notFound != null) {
            return Optional.empty(); // ambiguous beans: do not hide the problem behind another way
        }
        try {
            return ContainerLookup.bean(beanManager, type, onClose);
        } catch (AmbiguousResolutionException ambiguous) {
            notFound = "the beans of type " + type.getName() + " are ambiguous: " + beanManager.getBeans(type);
            return Optional.empty();
        }
    }

    private <T> Optional<T> jndi(String name, Class<T> type) {
        return notFound != null ? Optional.empty() : ContainerLookup.jndi(name, type);
    }
}
