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
import java.util.function.Supplier;

/**
 * Calls one method of one object with a message: the core of service activators, transformers, filters, routers
 * and outbound adapters.
 *
 * <p>Everything that can be decided without a message is decided when the invoker is built: which method
 * ({@code HandlerMethodResolver}), where each argument comes from (the message, its payload converted through the
 * {@link ConversionRegistry}, a header, all headers, a payload expression; see the builder), and how the method
 * is reached. Mistakes are reported then, as {@link InvalidHandlerMethodException}s. Invoking does no reflection:
 * it calls a class generated for the method where {@link DirectCalls} can make one, else a method handle.
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

    /**
     * What the method is invoked on; for an invoker whose target is supplied on the first call, {@code null} until
     * then (volatile: the supplied object may be read by threads other than the one that asked for it).
     */
    private volatile Object target;
    /** Supplies the target on the first call, or {@code null} when the target was given up front. */
    private final Supplier<?> targetOnFirstCall;
    private final Method method;
    /** The method as a handle: calls that have no generated class below go through it. */
    private final MethodHandle handle;
    /** The call through a class generated for the method, of the method's arity, when {@link DirectCalls} made one. */
    private final DirectCalls.Call0 call0;
    private final DirectCalls.Call1 call1;
    private final DirectCalls.Call2 call2;
    private final DirectCalls.Call3 call3;
    private final ArgumentResolver[] resolvers;
    private final boolean returnsNothing;
    private final String description;

    private HandlerMethodInvoker(Object target, Class<?> targetType, Supplier<?> targetOnFirstCall, Method method,
                                 ConversionRegistry conversion, PayloadExpressionEvaluator evaluator) {
        this.target = targetOnFirstCall == null ? target : null;
        this.targetOnFirstCall = targetOnFirstCall;
        this.method = method;
        this.description = Signatures.qualified(method);
        this.resolvers = HandlerArguments.resolversFor(method, conversion, evaluator);
        // a supplied target is only known to be a targetType, so the handle must reach the method through that type
        MethodHandle direct = TargetHandles.reachable(method,
                targetOnFirstCall == null ? target.getClass() : targetType);
        MethodHandle generic = direct.asType(MethodType.genericMethodType(1 + resolvers.length));
        Object call = DirectCalls.of(direct);
        this.call0 = call instanceof DirectCalls.Call0 shaped ? shaped : null;
        this.call1 = call instanceof DirectCalls.Call1 shaped ? shaped : null;
        this.call2 = call instanceof DirectCalls.Call2 shaped ? shaped : null;
        this.call3 = call instanceof DirectCalls.Call3 shaped ? shaped : null;
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

    /** @return the object the method is invoked on (for a target supplied on the first call: supplied now) */
    Object getTarget() {
        return target();
    }

    private Object target() {
        Object current = target;
        return current != null ? current : suppliedTarget();
    }

    /** The first call asks the supplier; concurrent first calls may both ask, and the supplier must allow that. */
    private Object suppliedTarget() {
        Object supplied = targetOnFirstCall.get();
        Class<?> expected = method.getDeclaringClass();
        if (!expected.isInstance(supplied)) {
            throw new IllegalStateException("The target supplied for " + description + " is " + supplied
                    + ", not an instance of " + expected.getName());
        }
        target = supplied;
        return supplied;
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
            DirectCalls.Call0 direct = call0;
            return direct != null ? direct.call(target()) : (Object) handle.invokeExact(target());
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object call1(Message<?> message, Object first) {
        try {
            DirectCalls.Call1 direct = call1;
            return direct != null ? direct.call(target(), first) : (Object) handle.invokeExact(target(), first);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object call2(Message<?> message, Object first, Object second) {
        try {
            DirectCalls.Call2 direct = call2;
            return direct != null ? direct.call(target(), first, second)
                    : (Object) handle.invokeExact(target(), first, second);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object call3(Message<?> message, Object first, Object second, Object third) {
        try {
            DirectCalls.Call3 direct = call3;
            return direct != null ? direct.call(target(), first, second, third)
                    : (Object) handle.invokeExact(target(), first, second, third);
        } catch (Throwable failed) {
            throw failure(message, failed);
        }
    }

    private Object callSpread(Message<?> message, Object[] arguments) {
        try {
            return (Object) handle.invokeExact(target(), arguments);
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
        private Supplier<?> targetOnFirstCall;
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

        /**
         * Invokes the method on the object this supplier returns on the first invocation, and on that object from
         * then on, instead of on the target (which still selects the method). Requires {@link #targetType}; what the
         * supplier returns must be an instance of it. A CDI extension passes the contextual instance of an
         * application-scoped bean this way: it is created when first needed, as through the client proxy, but each
         * later call skips the proxy's context lookup. The supplier may be asked more than once by concurrent first
         * calls, and a failure of it is the failure of that invocation (the next one asks again).
         */
        public Builder targetOnFirstCall(Supplier<?> supplier) {
            this.targetOnFirstCall = Objects.requireNonNull(supplier, "supplier");
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
            if (targetOnFirstCall != null && targetType == null) {
                throw new IllegalStateException("a target supplied on the first call needs the targetType it is");
            }
            return new HandlerMethodInvoker(target, targetType, targetOnFirstCall, selected, conversion, evaluator);
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
