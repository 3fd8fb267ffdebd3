package dev.junction.impl.invoke;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds how to call a method on a given target: through a public type the target has (its class, a superclass or
 * an interface), so that the call dispatches virtually to whatever the target is, a CDI proxy included; only when
 * no public type declares the method (a package-private or private nested class) by suppressing access checks.
 */
final class TargetHandles {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private TargetHandles() {
    }

    /**
     * @return the direct handle of the method, of its exact type, reached through a public type {@code targetClass}
     *         is (or, failing that, the method itself made accessible)
     * @throws InvalidHandlerMethodException when the target has no reachable method of that signature
     */
    static MethodHandle reachable(Method method, Class<?> targetClass) {
        for (Class<?> type : supertypes(targetClass)) {
            Method declared = publicDeclaration(type, method);
            if (declared != null) {
                try {
                    return LOOKUP.findVirtual(type, method.getName(),
                            MethodType.methodType(declared.getReturnType(), method.getParameterTypes()));
                } catch (NoSuchMethodException | IllegalAccessException notThroughThisType) {
                    // the type is not accessible from here (not public, or its package is not exported): try the next
                }
            }
        }
        boolean ownMethod = method.getDeclaringClass().isAssignableFrom(targetClass);
        if (ownMethod && method.trySetAccessible()) {
            try {
                return LOOKUP.unreflect(method);
            } catch (IllegalAccessException unexpected) {
                throw new InvalidHandlerMethodException("JNC-0307 Cannot call " + Signatures.qualified(method),
                        unexpected);
            }
        }
        throw new InvalidHandlerMethodException(ownMethod
                ? "JNC-0307 Cannot call " + Signatures.qualified(method) + ": neither " + targetClass.getName()
                        + " nor any of its supertypes is a public type declaring it, and access to it is denied. Make"
                        + " the class public, or open its package to dev.junction.impl."
                : "JNC-0323 The target (a " + targetClass.getName() + ") has no public method "
                        + Signatures.shortForm(method) + ", so " + Signatures.qualified(method) + " cannot be called"
                        + " on it. Give a target of " + method.getDeclaringClass().getName() + ", or declare the"
                        + " method in an interface the target implements.");
    }

    private static Method publicDeclaration(Class<?> type, Method method) {
        try {
            return type.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException absent) {
            return null;
        }
    }

    /** @return the class, its superclasses, then every interface, most specific first */
    private static Set<Class<?>> supertypes(Class<?> targetClass) {
        Set<Class<?>> types = new LinkedHashSet<>();
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        for (Class<?> type = targetClass; type != null && type != Object.class; type = type.getSuperclass()) {
            types.add(type);
            interfaces.addAll(List.of(type.getInterfaces()));
        }
        while (!interfaces.isEmpty()) {
            Class<?> type = interfaces.poll();
            if (types.add(type)) {
                interfaces.addAll(List.of(type.getInterfaces()));
            }
        }
        return types;
    }
}
