package dev.junction.impl.invoke;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls of one handler method through a small class generated for it ({@link LambdaMetafactory}, as for a method
 * reference) instead of through a method handle. A method handle held in a field is not a constant to the JIT, so
 * each call through it runs the handle's adapters and is never inlined; a call through the generated class is an
 * ordinary interface call, which the JIT inlines where it has seen few handler methods, down to the method itself.
 * That matters on the hot path of small methods: the call then costs next to nothing, and a message the method does
 * not keep need not even be allocated.
 *
 * <p>Made only when it is sure to work: a method with at most {@value #MAX_ARITY} parameters, all of reference types
 * (the arguments are resolved as objects: primitives stay with the handle, whose adapters unbox them), reached
 * through a public type, and whose types are all visible from this module's class loader (the generated class lives
 * there: on a server where the application's classes are not visible from it, the handle is used). Otherwise
 * {@link #of} returns {@code null}, and the invoker calls through the handle as before.
 */
final class DirectCalls {

    static final int MAX_ARITY = 3;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private DirectCalls() {
    }

    /** A method with no parameter. */
    @FunctionalInterface
    interface Call0 {
        Object call(Object target);
    }

    /** A method with one parameter. */
    @FunctionalInterface
    interface Call1 {
        Object call(Object target, Object first);
    }

    /** A method with two parameters. */
    @FunctionalInterface
    interface Call2 {
        Object call(Object target, Object first, Object second);
    }

    /** A method with three parameters. */
    @FunctionalInterface
    interface Call3 {
        Object call(Object target, Object first, Object second, Object third);
    }

    /**
     * @param direct the method's direct handle, of its exact type (receiver first), see {@code TargetHandles}
     * @return a {@link Call0}, {@link Call1}, {@link Call2} or {@link Call3} calling it (a {@code void} method's call
     *         returns {@code null}, a primitive result is boxed), or {@code null} when none can be made
     */
    static Object of(MethodHandle direct) {
        MethodType type = direct.type();
        int arity = type.parameterCount() - 1;
        if (arity > MAX_ARITY || !fits(type)) {
            return null;
        }
        try {
            MethodHandleInfo info = LOOKUP.revealDirect(direct); // fails for a handle we may not bind to: no class then
            if (info.getReferenceKind() != MethodHandleInfo.REF_invokeVirtual
                    && info.getReferenceKind() != MethodHandleInfo.REF_invokeInterface) {
                return null;
            }
            boolean returnsNothing = type.returnType() == void.class;
            Class<?> shape = returnsNothing ? VoidCalls.shape(arity) : shape(arity);
            MethodType erased = returnsNothing ? MethodType.genericMethodType(arity + 1).changeReturnType(void.class)
                    : MethodType.genericMethodType(arity + 1);
            MethodType instantiated = returnsNothing ? type : type.changeReturnType(Object.class);
            Object generated = LambdaMetafactory.metafactory(LOOKUP, "call", MethodType.methodType(shape), erased,
                    direct, instantiated).getTarget().invoke();
            return returnsNothing ? VoidCalls.returningNull(arity, generated) : generated;
        } catch (Throwable notPossible) {
            return null; // e.g. not accessible from here: the handle serves
        }
    }

    private static Class<?> shape(int arity) {
        return switch (arity) {
            case 0 -> Call0.class;
            case 1 -> Call1.class;
            case 2 -> Call2.class;
            default -> Call3.class;
        };
    }

    /** @return whether every parameter is a reference and every type is visible from this class's loader */
    private static boolean fits(MethodType type) {
        for (Class<?> parameter : type.parameterArray()) {
            if (parameter.isPrimitive() || !visible(parameter)) {
                return false;
            }
        }
        return type.returnType().isPrimitive() || visible(type.returnType());
    }

    private static boolean visible(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return true;
        }
        try {
            return Class.forName(element.getName(), false, DirectCalls.class.getClassLoader()) == element;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return false;
        }
    }

    /** The shapes of {@code void} methods, and their adaptation to the shapes above. */
    private static final class VoidCalls {

        @FunctionalInterface
        interface Run0 {
            void call(Object target);
        }

        @FunctionalInterface
        interface Run1 {
            void call(Object target, Object first);
        }

        @FunctionalInterface
        interface Run2 {
            void call(Object target, Object first, Object second);
        }

        @FunctionalInterface
        interface Run3 {
            void call(Object target, Object first, Object second, Object third);
        }

        static Class<?> shape(int arity) {
            return switch (arity) {
                case 0 -> Run0.class;
                case 1 -> Run1.class;
                case 2 -> Run2.class;
                default -> Run3.class;
            };
        }

        static Object returningNull(int arity, Object run) {
            return switch (arity) {
                case 0 -> (Call0) target -> {
                    ((Run0) run).call(target);
                    return null;
                };
                case 1 -> (Call1) (target, first) -> {
                    ((Run1) run).call(target, first);
                    return null;
                };
                case 2 -> (Call2) (target, first, second) -> {
                    ((Run2) run).call(target, first, second);
                    return null;
                };
                default -> (Call3) (target, first, second, third) -> {
                    ((Run3) run).call(target, first, second, third);
                    return null;
                };
            };
        }
    }
}
