package dev.junction.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Contextual references of the beans the runtime uses for its whole life (endpoint targets, triggers, converters,
 * interceptors...). A reference obtained here keeps the bean's semantics: interceptors and decorators apply and a
 * normal-scoped bean is resolved on each call through its client proxy. The instances of {@code @Dependent} beans
 * live until {@link #release()}, which the owner calls when the runtime closes.
 *
 * <p>Also the small type helpers the bean lookups share. Thread-safe.
 */
final class BeanReferences {

    /** Beans in a stable order (bean class, then description), so that lookups do not depend on discovery order. */
    static final Comparator<Bean<?>> STABLE_ORDER = Comparator.<Bean<?>, String>comparing(
            bean -> bean.getBeanClass().getName()).thenComparing(Object::toString);

    private final BeanManager beanManager;
    private final List<CreationalContext<?>> dependents = new ArrayList<>();

    BeanReferences(BeanManager beanManager) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
    }

    /**
     * @param type a bean type of the bean (see {@link #beanTypeAssignableTo})
     * @return the bean's contextual reference of that type
     * @throws RuntimeException whatever creating a dependent instance throws
     */
    Object of(Bean<?> bean, Type type) {
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        Object reference = beanManager.getReference(bean, type, context);
        if (bean.getScope() == Dependent.class) {
            synchronized (dependents) {
                dependents.add(context); // the dependent instance lives as long as the runtime using it
            }
        }
        return reference;
    }

    /**
     * The object to call an {@code @ApplicationScoped} bean's methods on for the rest of the application's life, asked
     * for when first needed: its contextual instance (created then if it does not exist yet, as a call through the
     * client proxy would), or, when the container wrapped that instance in a subclass of its own (which is how
     * Weld and OpenWebBeans apply interceptors and decorators to it), the contextual reference, so that interceptors
     * and decorators still apply. The application context has one instance of the bean for the whole application, so
     * calling it directly is what each call through the client proxy would do after a context lookup (which costs
     * more than the call of a small method). An application that destroys that instance by hand
     * ({@code AlterableContext.destroy}) must not expect an endpoint to see the new one.
     *
     * @param reference the bean's contextual reference, of its bean class
     */
    @SuppressWarnings("unchecked")
    Supplier<Object> applicationScopedInstance(Bean<?> bean, Object reference) {
        Bean<Object> contextual = (Bean<Object>) bean;
        return () -> {
            Object instance = beanManager.getContext(ApplicationScoped.class)
                    .get(contextual, beanManager.createCreationalContext(contextual));
            return instance.getClass() == bean.getBeanClass() ? instance : reference;
        };
    }

    /** Releases the dependent instances obtained so far (their {@code @PreDestroy} and disposers run). */
    void release() {
        List<CreationalContext<?>> toRelease;
        synchronized (dependents) {
            toRelease = new ArrayList<>(dependents);
            dependents.clear();
        }
        toRelease.forEach(CreationalContext::release);
    }

    /** @return the beans sorted in {@link #STABLE_ORDER} */
    static List<Bean<?>> sorted(Collection<Bean<?>> beans) {
        List<Bean<?>> sorted = new ArrayList<>(beans);
        sorted.sort(STABLE_ORDER);
        return sorted;
    }

    /**
     * @return the bean type to ask a reference for when the bean is used as a {@code wanted}: {@code wanted} itself
     *         when it is a bean type, else the first bean type whose class is a {@code wanted}; empty when none is
     */
    static Optional<Type> beanTypeAssignableTo(Bean<?> bean, Class<?> wanted) {
        if (bean.getTypes().contains(wanted)) {
            return Optional.of(wanted);
        }
        return bean.getTypes().stream().filter(type -> wanted.isAssignableFrom(rawType(type))).findFirst();
    }

    /** @return the class of a type: the class itself, a parameterized type's raw class, else {@code Object} */
    static Class<?> rawType(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return Object.class;
    }
}
