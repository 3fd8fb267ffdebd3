package dev.junction.impl.gateway;

import dev.junction.api.error.MessagingException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

/**
 * The invocation handler behind a gateway proxy. Gateway methods go to their prepared
 * {@link GatewayMethodInvoker} (one map lookup; no annotation is read during a call); default methods run as
 * written; {@code equals}, {@code hashCode} and {@code toString} answer for the proxy itself (identity, and the
 * gateway's name); {@code close()} inherited from {@link AutoCloseable} closes the gateway.
 *
 * <p>Holds what the gateway owns: the bridges subscribed to reply channels and, when it created it, the async
 * executor. {@link #close()} releases them; calls after that fail.
 */
final class GatewayInvocationHandler implements InvocationHandler {

    private static final Object[] NO_ARGS = {};
    /** The code of the refusal of a call made while the gateway's application stops. */
    static final String REFUSED_CODE = "JNC-0424";

    private final Class<?> serviceInterface;
    private final String name;
    private final Map<Method, GatewayMethodInvoker> invokers;
    private final List<ReplyBridge> bridges;
    private final ExecutorService ownedExecutor;
    /** Lifecycle state, set once by close(); read on every call so that a closed gateway fails clearly. */
    private volatile boolean closed;
    /** Set once when the application begins to stop: new calls are refused, calls in progress go on. */
    private volatile boolean refusing;
    /** Calls in progress, for a stopping application to wait for; striped, so concurrent callers do not contend. */
    private final LongAdder callsInProgress = new LongAdder();

    /**
     * @param ownedExecutor the executor this gateway created and must shut down, or {@code null}
     */
    GatewayInvocationHandler(Class<?> serviceInterface, String name, Map<Method, GatewayMethodInvoker> invokers,
            List<ReplyBridge> bridges, ExecutorService ownedExecutor) {
        this.serviceInterface = serviceInterface;
        this.name = name;
        this.invokers = Map.copyOf(invokers);
        this.bridges = List.copyOf(bridges);
        this.ownedExecutor = ownedExecutor;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        GatewayMethodInvoker invoker = invokers.get(method);
        if (invoker != null) {
            if (closed) {
                throw new IllegalStateException(this + " is closed; " + Methods.label(method) + " cannot be called");
            }
            callsInProgress.increment(); // before reading the flag, so a stopping application sees this call
            try {
                if (refusing) {
                    throw new MessagingException(REFUSED_CODE + " " + this + " refuses " + Methods.label(method)
                            + ": its application is stopping; nothing was sent, retry against a running application");
                }
                return invoker.invoke(args == null ? NO_ARGS : args);
            } finally {
                callsInProgress.decrement();
            }
        }
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        if (isInheritedClose(method)) {
            close(); // an interface extending AutoCloseable lets its users release the gateway themselves
            return null;
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        throw new IllegalStateException(this + " has no implementation of " + method);
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> toString();
            default -> throw new IllegalStateException("Unexpected Object method on a gateway proxy: " + method);
        };
    }

    /** @return whether the method is {@code close()} of {@link AutoCloseable} or {@link java.io.Closeable} */
    static boolean isInheritedClose(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        return (declaring == AutoCloseable.class || declaring == java.io.Closeable.class)
                && method.getName().equals("close") && method.getParameterCount() == 0;
    }

    /** Unsubscribes the reply bridges and shuts down the executor the gateway created. Idempotent. */
    /** Refuses new calls from now on; calls in progress continue. */
    void refuseNewCalls() {
        refusing = true;
    }

    /** @return how many calls are in progress now */
    long callsInProgress() {
        return callsInProgress.sum();
    }

    void close() {
        closed = true;
        bridges.forEach(ReplyBridge::close);
        if (ownedExecutor != null) {
            ownedExecutor.shutdown(); // calls in progress finish; their threads end once idle
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "Gateway '" + name + "' (" + serviceInterface.getName() + ")";
    }
}
