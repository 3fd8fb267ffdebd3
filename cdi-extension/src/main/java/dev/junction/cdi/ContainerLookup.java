package dev.junction.cdi;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds a container service the two ways containers offer it: as a bean with the default qualifier (Jakarta EE 11
 * servers and applications), or bound in JNDI (Jakarta EE 10 servers).
 */
final class ContainerLookup {

    private ContainerLookup() {
    }

    /**
     * @param onRelease takes what to release when the runtime closes (the reference's creational context)
     * @return the contextual reference of the one bean of that type, or empty when there is none
     * @throws jakarta.enterprise.inject.AmbiguousResolutionException when several beans have the type
     */
    static <T> Optional<T> bean(BeanManager beanManager, Class<T> type, Consumer<Runnable> onRelease) {
        Set<Bean<?>> beans = beanManager.getBeans(type);
        if (beans.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean = beanManager.resolve(beans);
        if (bean == null) {
            return Optional.empty();
        }
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        onRelease.accept(context::release);
        return Optional.of(type.cast(beanManager.getReference(bean, type, context)));
    }

    /** @return what JNDI binds at that name when it is of that type; empty in plain Java SE or when unbound */
    static <T> Optional<T> jndi(String name, Class<T> type) {
        try {
            InitialContext naming = new InitialContext();
            try {
                Object bound = naming.lookup(name);
                return type.isInstance(bound) ? Optional.of(type.cast(bound)) : Optional.empty();
            } finally {
                naming.close();
            }
        } catch (NamingException | RuntimeException notThere) {
            return Optional.empty(); // not bound there, or plain SE without a JNDI provider
        }
    }
}
