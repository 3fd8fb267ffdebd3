package dev.junction.tcp.adapter;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The container side of message delivery: endpoints are proxies implementing the listener interface and
 * {@link MessageEndpoint}, as a server's are, delegating {@code onRequest} to a function. It records the thread each
 * endpoint was created on and counts the endpoints not yet released.
 */
final class HarnessEndpoints implements MessageEndpointFactory {

    private final UnaryOperator<byte[]> handler;
    private final Class<?> endpointClass;
    private final List<String> creatingThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger unreleased = new AtomicInteger();

    HarnessEndpoints(UnaryOperator<byte[]> handler) {
        this(handler, TcpRequestListener.class);
    }

    HarnessEndpoints(UnaryOperator<byte[]> handler, Class<?> endpointClass) {
        this.handler = handler;
        this.endpointClass = endpointClass;
    }

    @Override
    public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource resource) {
        creatingThreads.add(Thread.currentThread().getName());
        unreleased.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TcpRequestListener.class, MessageEndpoint.class}, this::invoke);
    }

    @Override
    public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource resource, long timeout) {
        return createEndpoint(resource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "harness-" + System.identityHashCode(this);
    }

    @Override
    public Class<?> getEndpointClass() {
        return endpointClass;
    }

    List<String> creatingThreads() {
        return creatingThreads;
    }

    int unreleased() {
        return unreleased.get();
    }

    private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "onRequest":
                return handler.apply((byte[]) args[0]);
            case "release":
                unreleased.decrementAndGet();
                return null;
            case "beforeDelivery":
            case "afterDelivery":
                return null;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "HarnessEndpoint@" + System.identityHashCode(proxy);
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }
}
