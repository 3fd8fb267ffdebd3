package dev.junction.impl.invoke;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.error.MessagingException;
import dev.junction.api.message.Message;
import dev.junction.impl.convert.ConversionRegistry;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * Calls one method of one object with a message: the core of service activators, transformers, filters, routers
 * and outbound adapters.
 *
 * <p>Everything that can be decided without a message is decided when the invoker is built: which method
 * ({@code HandlerMethodResolver}), where each argument comes from (the message, its payload converted through the
 * {@link ConversionRegistry}, a header, all headers, a payload expression; see the builder), and how the method
 * is reached. Mistakes are reported then, as {@link InvalidHandlerMethodException}s. Invoking does no reflection.
 *
 * <p>The method is called on the given target instance through a public type the target has, so a CDI
 * contextual reference (a client proxy) receives the call and its interceptors apply. An exception thrown by the
 * method reaches the caller as a {@link MessageHandlingException} whose cause is the original exception, except
 * that a {@link MessagingException} that already carries a failed message passes as it is, and an {@link Error}
 * propagates unchanged.
 *
 * <p>Immutable and thread-safe: one invoker serves any number of threads (the target must allow that).
 */
public final class HandlerMethodInvoker {

    /** Above this many parameters the arguments travel as an array; below, each is passed directly. */
    private static final int DIRECT_ARITY = 3;

    private final Object target;
    private final Method method;
    private final MethodHandle handle;
    private final ArgumentResolver[] resolvers;
    private final boolean returnsNothing;
    private final String description;

    private HandlerMethodInvoker(Object target, Method method, ConversionRegistry conversion,
                                 PayloadExpressionEvaluator evaluator) {
        this.target = target;
        this.method = method;
        this.description = Signatures.qualified(method);
        this.resolvers = HandlerArguments.resolversFor(method, conversion, evaluator);
        MethodHandle generic = TargetHandles.forTarget(method, target.getClass());
        // measured: a handle called with invokeExact at its exact arity is faster than Method.invoke on JDK 17
        // and 25, and avoids the argument array; many parameters are rare, so those share one spreading form
        this.handle = resolvers.length <= DIRECT_ARITY ? generic
                : generic.asSpreader(Object[].class, resolvers.length)
                        .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
        this.returnsNothing = method.getReturnType() == void.class || method.getReturnType() == Void.class;
    }

    /**
     * @param target the object whose method is invoked (for a CDI bean: its contextual reference)
     * @return a builder; without further settings it selects the target's one public method
     */
    public static Builder forTarget(Object target) {
        return new Builder(target);
    }

    /**
     * Invokes the method with arguments taken from the message.
     *
     * @param message the message, not {@code null}
     * @return what the method returned, {@code null} for a {@code void} method
     * @throws MessageHandlingException when an argument cannot be taken from the message (a missing header, no
     *                                  converter) or the method failed (the cause is its exception)
     * @throws MessagingException       thrown by the method, carrying a failed message, as it is
     */
    public Object invoke(Message<?> message) {
        Objects.requireNonNull(message, "message");
        ArgumentResolver[] arguments = resolvers;
        // arguments are resolved before the call so that their failures are not reported as the method's own
        switch (arguments.length) {
            case 0:
                return call0(message);
            case 1:
                return call1(message, arguments[0].resolve(message));
            case 2:
                return call2(message, arguments[0].resolve(message), arguments[1].resolve(message));
            case 3:
                return call3(message, arguments[0].resolve(message), arguments[1].resolve(message),
                        arguments[2].resolve(message));
            default:
                Object[] values = new Object[arguments.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = arguments[i].resolve(message);
                }
                return callSpread(message, values);
        }
    }

    /** @return the invoked method as the user's class declares it (annotations are read from it) */
    public Method getMethod() {
        return method;
    }

    /** @return the object the method is invoked on */
    Object getTarget() {
        return target;
    }

    /** @return whether the method returns nothing ({@code void} or {@code Void}), so never produces a reply */
    public boolean isVoid() {
        return returnsNothing;
    }

    @Override
    public String toString() {
        return "HandlerMethodInvoker[" + description + "]";
    }

    private Object call0(Message<?> message) {
        try {
            return (Object) handle.invokeExact(target);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object call1(Message<?> message, Object first) {
        try {
            return (Object) handle.invokeExact(target, first);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object call2(Message<?> message, Object first, Object second) {
        try {
            return (Object) handle.invokeExact(target, first, second);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object call3(Message<?> message, Object first, Object second, Object third) {
        try {
            return (Object) handle.invokeExact(target, first, second, third);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object callSpread(Message<?> message, Object[] arguments) {
        try {
            return (Object) handle.invokeExact(target, arguments);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private RuntimeException failure(Message<?> message, Throwable failed) {
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed instanceof MessagingException messaging && messaging.getFailedMessage() != null) {
            return messaging;
        }
        return new MessageHandlingException(message, description + " failed: " + failed, failed);
    }

    /**
     * Chooses the method and the strategies an invoker uses. Only the target is required.
     *
     * <p>Selection: {@link #method(Method)} wins; else {@link #methodName(String)}; else the one method carrying
     * {@link #marker(Class)}; else the one public method (see {@code HandlerMethodResolver}).
     */
    public static final class Builder {
        private final Object target;
        private Class<?> targetType;
        private Method method;
        private String methodName;
        private Class<? extends Annotation> marker;
        private ConversionRegistry conversion = ConversionRegistry.empty();
        private PayloadExpressionEvaluator evaluator;

        private Builder(Object target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        /**
         * Selects among the methods of this type instead of the target's class: a CDI extension passes the bean
         * class while the target is the contextual reference.
         */
        public Builder targetType(Class<?> targetType) {
            this.targetType = Objects.requireNonNull(targetType, "targetType");
            return this;
        }

        /** Invokes exactly this public instance method (already selected elsewhere, a CDI extension for one). */
        public Builder method(Method method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Invokes the public method of this name. */
        public Builder methodName(String methodName) {
            this.methodName = methodName;
            return this;
        }

        /** Without a method name, invokes the method carrying this annotation ({@code ServiceActivator.class}). */
        public Builder marker(Class<? extends Annotation> marker) {
            this.marker = marker;
            return this;
        }

        /** Converters for payloads and headers whose type does not fit the parameter (default: none). */
        public Builder conversion(ConversionRegistry conversion) {
            this.conversion = Objects.requireNonNull(conversion, "conversion");
            return this;
        }

        /** Evaluates {@code @Payload("expression")} parameters; without one such parameters are refused. */
        public Builder payloadExpressions(PayloadExpressionEvaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        /**
         * @return the invoker
         * @throws InvalidHandlerMethodException when no single method fits, a parameter cannot be mapped or the
         *                                       method cannot be called on the target
         */
        public HandlerMethodInvoker build() {
            Method selected = method != null ? checked(method)
                    : HandlerMethodResolver.resolve(targetType != null ? targetType : target.getClass(), methodName,
                            marker);
            return new HandlerMethodInvoker(target, selected, conversion, evaluator);
        }

        private static Method checked(Method method) {
            int modifiers = method.getModifiers();
            if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers)) {
                // a non-public method could be reached only past the CDI proxy, on an uninitialised proxy instance
                throw new InvalidHandlerMethodException("JNC-0306 " + Signatures.qualified(method) + " is not a public"
                        + " instance method. Make it public and non-static: the endpoint calls it through the bean's"
                        + " public type (and its CDI proxy).");
            }
            return method;
        }
    }
}
