package dev.junction.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the container's JTA {@link TransactionManager} for transactional pollers: first a CDI bean of that type
 * (Narayana's CDI module registers one, as do runtimes built on it), else the JNDI names under which Jakarta EE
 * servers publish it ({@link #JNDI_NAMES}). Looks once, and only when a transactional poller asks.
 *
 * <p>Not thread-safe: used by the one thread wiring the deployment.
 */
final class TransactionManagerLookup {

    /** Where servers bind their transaction manager: WildFly, Payara/GlassFish, and the portable-looking name. */
    static final List<String> JNDI_NAMES = List.of("java:comp/TransactionManager", "java:/TransactionManager",
            "java:appserver/TransactionManager");

    private final BeanManager beanManager;
    private final Consumer<Runnable> onClose;
    private Optional<TransactionManager> found;
    private String notFound;

    /**
     * @param beanManager the container's bean manager
     * @param onClose     takes what to release when the runtime closes (a dependent reference's context)
     */
    TransactionManagerLookup(BeanManager beanManager, Consumer<Runnable> onClose) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** @return the transaction manager, or empty (then {@link #whyNotFound()} says why) */
    Optional<TransactionManager> find() {
        if (found == null) {
            found = fromBeans().or(this::fromJndi);
        }
        return found;
    }

    /** @return why {@link #find()} found nothing */
    String whyNotFound() {
        return notFound == null ? "no bean of type " + TransactionManager.class.getName()
                + " is available and none is bound in JNDI under " + JNDI_NAMES : notFound;
    }

    private Optional<TransactionManager> fromBeans() {
        Set<Bean<?>> beans = beanManager.getBeans(TransactionManager.class);
        if (beans.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean;
        try {
            bean = beanManager.resolve(beans);
        } catch (AmbiguousResolutionException ambiguous) {
            notFound = "the beans of type " + TransactionManager.class.getName() + " are ambiguous: " + beans;
            return Optional.empty();
        }
        if (bean == null) {
            return Optional.empty();
        }
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        TransactionManager reference = (TransactionManager) beanManager.getReference(bean, TransactionManager.class,
                context);
        if (bean.getScope() == Dependent.class) {
            onClose.accept(context::release);
        }
        return Optional.of(reference);
    }

    private Optional<TransactionManager> fromJndi() {
        if (notFound != null) {
            return Optional.empty(); // ambiguous beans: do not hide the problem behind another manager
        }
        try {
            InitialContext naming = new InitialContext();
            try {
                for (String name : JNDI_NAMES) {
                    try {
                        if (naming.lookup(name) instanceof TransactionManager manager) {
                            return Optional.of(manager);
                        }
                    } catch (NamingException notThere) {
                        // try the next name
                    }
                }
            } finally {
                naming.close();
            }
        } catch (NamingException | RuntimeException noNaming) {
            // plain SE without a JNDI provider
        }
        return Optional.empty();
    }
}
