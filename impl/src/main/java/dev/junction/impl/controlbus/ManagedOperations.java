package dev.junction.impl.controlbus;

import dev.junction.api.management.ManagedOperation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the managed operations of a component's class: its public methods marked {@link ManagedOperation} on
 * themselves or on a method they override or implement. Nothing else is ever returned, so a command cannot reach
 * {@code getClass()}, {@code wait()} or any unmarked method.
 */
final class ManagedOperations {

    private static final Map<Class<?>, List<Operation>> BY_CLASS = new ConcurrentHashMap<>();

    private ManagedOperations() {
    }

    /** A managed method and its mark. */
    record Operation(Method method, ManagedOperation mark) {
        String signature() {
            StringBuilder text = new StringBuilder(method.getName()).append('(');
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                text.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
            }
            return text.append(')').toString();
        }
    }

    static List<Operation> of(Class<?> type) {
        return BY_CLASS.computeIfAbsent(type, ManagedOperations::find);
    }

    private static List<Operation> find(Class<?> type) {
        List<Operation> operations = new ArrayList<>();
        Method[] methods = type.getMethods();
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers())
                    || (method.isBridge() || method.isSynthetic()) && !visibilityBridge(method, methods)) {
                continue;
            }
            mark(type, method).ifPresent(mark -> operations.add(new Operation(accessible(type, method), mark)));
        }
        return List.copyOf(operations);
    }

    /**
     * A public method a public class inherits from a class that is not public (a channel's statistics, declared by
     * its package-private base) is listed only as the bridge the compiler adds to the public class; a bridge that
     * adapts generic types has a twin with the real parameter types, this one has none.
     */
    private static boolean visibilityBridge(Method bridge, Method[] methods) {
        for (Method other : methods) {
            if (other != bridge && !other.isBridge() && other.getName().equals(bridge.getName())
                    && java.util.Arrays.equals(other.getParameterTypes(), bridge.getParameterTypes())) {
                return false;
            }
        }
        return true;
    }

    /** The mark on the method or on the same method of a supertype (annotations on methods are not inherited). */
    private static Optional<ManagedOperation> mark(Class<?> type, Method method) {
        ManagedOperation own = method.getAnnotation(ManagedOperation.class);
        if (own != null) {
            return Optional.of(own);
        }
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            Optional<ManagedOperation> found = declared(current, method);
            if (found.isPresent()) {
                return found;
            }
            for (Class<?> contract : current.getInterfaces()) {
                found = inInterface(contract, method);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ManagedOperation> inInterface(Class<?> contract, Method method) {
        Optional<ManagedOperation> found = declared(contract, method);
        if (found.isPresent()) {
            return found;
        }
        for (Class<?> parent : contract.getInterfaces()) {
            found = inInterface(parent, method);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<ManagedOperation> declared(Class<?> type, Method method) {
        try {
            return Optional.ofNullable(type.getDeclaredMethod(method.getName(), method.getParameterTypes())
                    .getAnnotation(ManagedOperation.class));
        } catch (NoSuchMethodException absent) {
            return Optional.empty();
        }
    }

    /**
     * A public method of a class that is not public (an implementation class) is invoked through the public type
     * that declares it, which the module system lets us call.
     */
    private static Method accessible(Class<?> type, Method method) {
        if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return method;
        }
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> contract : current.getInterfaces()) {
                try {
                    Method declared = contract.getMethod(method.getName(), method.getParameterTypes());
                    if (Modifier.isPublic(contract.getModifiers())) {
                        return declared;
                    }
                } catch (NoSuchMethodException absent) {
                    // not declared by this interface: look further
                }
            }
        }
        return method;
    }

    /**
     * Converts the command's arguments to the parameter types: numbers between number types, a number of
     * milliseconds or an ISO-8601 text ({@code PT5S}) to a {@link Duration}.
     *
     * @return the converted arguments, or {@code null} when one does not fit
     */
    static Object[] convert(Method method, List<Object> arguments) {
        Class<?>[] types = method.getParameterTypes();
        if (types.length != arguments.size()) {
            return null;
        }
        Object[] converted = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Object value = convert(arguments.get(i), types[i]);
            if (value == NO_FIT) {
                return null;
            }
            converted[i] = value;
        }
        return converted;
    }

    private static final Object NO_FIT = new Object();

    private static Object convert(Object value, Class<?> type) {
        if (value == null) {
            return type.isPrimitive() ? NO_FIT : null;
        }
        Class<?> boxed = boxed(type);
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            if (boxed == Long.class) {
                return number.longValue();
            }
            if (boxed == Integer.class && number.longValue() == number.intValue()) {
                return number.intValue();
            }
            if (boxed == Double.class) {
                return number.doubleValue();
            }
            if (type == Duration.class) {
                return Duration.ofMillis(number.longValue());
            }
        }
        if (value instanceof String text && type == Duration.class) {
            try {
                return Duration.parse(text);
            } catch (RuntimeException notADuration) {
                return NO_FIT;
            }
        }
        return NO_FIT;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            case "float" -> Float.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }
}
