package dev.junction.cdi;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The container's answer to "has the caller of the current command this role": Jakarta Security's
 * {@code SecurityContext.isCallerInRole}, the runtime's role check for control buses that have none of their own.
 * The security context is the one of the thread executing the command (a servlet's or an EJB's caller, a
 * {@code @RunAs} identity): with a direct control bus channel, the sender's.
 *
 * <p>Found by name, reflectively: the extension does not depend on Jakarta Security, which Java SE containers (Weld SE
 * here) do not have; there the runtime has no role check, as in plain Java, and operations needing a role are refused.
 */
final class CallerRoles {

    static final String SECURITY_CONTEXT = "jakarta.security.enterprise.SecurityContext";

    private CallerRoles() {
    }

    /**
     * @param onRelease takes what to release when the runtime closes (the reference's creational context)
     * @return the role check, or empty when the container has no security context bean
     */
    static Optional<Predicate<String>> find(BeanManager beanManager, Consumer<Runnable> onRelease) {
        Class<?> type;
        try {
            type = Class.forName(SECURITY_CONTEXT, false, classLoader());
        } catch (ClassNotFoundException | LinkageError notThere) {
            return Optional.empty();
        }
        Set<Bean<?>> beans = beanManager.getBeans(type);
        Bean<?> bean = beans.isEmpty() ? null : beanManager.resolve(beans);
        if (bean == null) {
            return Optional.empty();
        }
        Method isCallerInRole;
        try {
            isCallerInRole = type.getMethod("isCallerInRole", String.class);
        } catch (NoSuchMethodException notJakartaSecurity) {
            return Optional.empty();
        }
        var context = beanManager.createCreationalContext(bean);
        onRelease.accept(context::release);
        Object securityContext = beanManager.getReference(bean, type, context); // a proxy: each call asks its thread
        return Optional.of(role -> ask(isCallerInRole, securityContext, role));
    }

    private static boolean ask(Method isCallerInRole, Object securityContext, String role) {
        try {
            return Boolean.TRUE.equals(isCallerInRole.invoke(securityContext, role));
        } catch (InvocationTargetException failed) {
            throw new IllegalStateException("The container's security context could not tell whether the caller"
                    + " has the role '" + role + "': " + failed.getCause(), failed.getCause());
        } catch (IllegalAccessException inaccessible) {
            throw new IllegalStateException("The container's security context cannot be asked: " + inaccessible,
                    inaccessible);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : CallerRoles.class.getClassLoader();
    }
}
