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
 * The container's answer to "has the caller of the current command this role", the runtime's role check for
 * control buses that have none of their own. In a Jakarta EE server (one with the Enterprise Beans API, or a Jakarta
 * Security {@code SecurityContext} bean):
 * <ol>
 * <li>inside an enterprise bean's invocation, its {@code EJBContext.isCallerInRole} -- the bean's caller, or its
 * {@code @RunAs} identity for the beans it calls. Asked first because servers answer it without JACC, which Jakarta
 * Security's reference implementation (Soteria, in WildFly and Payara) needs to see the caller of an enterprise bean
 * in its {@code SecurityContext}, and WildFly does not enable by default;</li>
 * <li>otherwise {@code SecurityContext.isCallerInRole}: the servlet request's authenticated caller, when the
 * container offers the bean (the extension found none in a WildFly 37 deployment using no Jakarta Security
 * annotation);</li>
 * <li>otherwise the caller has no role.</li>
 * </ol>
 * The roles are those of the thread executing the command: with a direct control bus channel, the sender's.
 *
 * <p>Found by name, reflectively: the extension does not depend on Jakarta Security or Enterprise Beans, which Java SE
 * containers (Weld SE) do not have; there the runtime has no role check, as in plain Java, and operations needing a
 * role are refused.
 */
final class CallerRoles {

    static final String SECURITY_CONTEXT = "jakarta.security.enterprise.SecurityContext";
    static final String EJB_CONTEXT = "jakarta.ejb.EJBContext";
    /** Where every enterprise bean finds its own context (Jakarta EE platform, "EJBContext" JNDI name). */
    static final String EJB_CONTEXT_JNDI_NAME = "java:comp/EJBContext";

    private CallerRoles() {
    }

    /**
     * @param onRelease takes what to release when the runtime closes (the reference's creational context)
     * @return the role check, or empty when the container has neither the Enterprise Beans API nor a security
     *         context bean (Java SE)
     */
    static Optional<Predicate<String>> find(BeanManager beanManager, Consumer<Runnable> onRelease) {
        Optional<Method> ejbIsCallerInRole = load(EJB_CONTEXT).flatMap(CallerRoles::method);
        Optional<Predicate<String>> securityContext = securityContext(beanManager, onRelease);
        if (ejbIsCallerInRole.isEmpty() && securityContext.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(role -> {
            Boolean inEnterpriseBean = ejbIsCallerInRole.map(method -> enterpriseBeanCallerInRole(method, role))
                    .orElse(null);
            if (inEnterpriseBean != null) {
                return inEnterpriseBean;
            }
            return securityContext.map(callerInRole -> callerInRole.test(role)).orElse(false);
        });
    }

    /** @return the security context's answer, when the container has a {@code SecurityContext} bean */
    private static Optional<Predicate<String>> securityContext(BeanManager beanManager, Consumer<Runnable> onRelease) {
        Optional<Class<?>> type = load(SECURITY_CONTEXT);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Set<Bean<?>> beans = beanManager.getBeans(type.get());
        Bean<?> bean = beans.isEmpty() ? null : beanManager.resolve(beans);
        Optional<Method> isCallerInRole = method(type.get());
        if (bean == null || isCallerInRole.isEmpty()) {
            return Optional.empty();
        }
        var context = beanManager.createCreationalContext(bean);
        onRelease.accept(context::release);
        Object reference = beanManager.getReference(bean, type.get(), context); // each call asks its thread
        return Optional.of(role -> ask(isCallerInRole.get(), reference, role, "security context"));
    }

    /** @return the answer of the enterprise bean being invoked on this thread, {@code null} when none is */
    private static Boolean enterpriseBeanCallerInRole(Method isCallerInRole, String role) {
        Object context = ContainerLookup.jndi(EJB_CONTEXT_JNDI_NAME, isCallerInRole.getDeclaringClass()).orElse(null);
        if (context == null) {
            return null;
        }
        try {
            return Boolean.TRUE.equals(isCallerInRole.invoke(context, role));
        } catch (InvocationTargetException notInAnInvocation) { // IllegalStateException: no bean method runs here
            return null;
        } catch (IllegalAccessException inaccessible) {
            return null;
        }
    }

    private static boolean ask(Method isCallerInRole, Object target, String role, String what) {
        try {
            return Boolean.TRUE.equals(isCallerInRole.invoke(target, role));
        } catch (InvocationTargetException failed) {
            throw new IllegalStateException("The container's " + what + " could not tell whether the caller has the"
                    + " role '" + role + "': " + failed.getCause(), failed.getCause());
        } catch (IllegalAccessException inaccessible) {
            throw new IllegalStateException("The container's " + what + " cannot be asked: " + inaccessible,
                    inaccessible);
        }
    }

    private static Optional<Method> method(Class<?> type) {
        try {
            return Optional.of(type.getMethod("isCallerInRole", String.class));
        } catch (NoSuchMethodException notThere) {
            return Optional.empty();
        }
    }

    private static Optional<Class<?>> load(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Optional.of(Class.forName(name, false, context != null ? context : CallerRoles.class
                    .getClassLoader()));
        } catch (ClassNotFoundException | LinkageError notThere) {
            return Optional.empty();
        }
    }
}
