package dev.junction.impl.gateway;

import dev.junction.api.annotation.Gateway;
import dev.junction.api.annotation.Payload;
import dev.junction.api.channel.SubscribableChannel;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Creates a gateway from its builder in two steps: inspect everything (collecting every problem, creating
 * nothing), then, only when all is valid, bind the methods to what they use at run time (bridges, executor)
 * and create the proxy.
 */
final class GatewayAssembler {

    private GatewayAssembler() {
    }

    static <T> T assemble(GatewayProxyFactory.Builder<T> builder) {
        Class<T> serviceInterface = builder.serviceInterface;
        Problems problems = new Problems();
        if (!serviceInterface.isInterface() || serviceInterface.isAnnotation()) {
            problems.add(serviceInterface.getName(), GatewayRule.NOT_AN_INTERFACE, "it is not an interface");
            problems.throwIfAny(serviceInterface);
        }
        ChannelNames channels = new ChannelNames(builder.channelResolver);
        GatewayDefaults defaults = GatewayDefaults.resolve(serviceInterface, builder, channels, builder.expressionParser,
                problems);
        ExecutorChoice executor = ExecutorChoice.of(serviceInterface, builder.asyncExecutor,
                builder.asyncExecutorDisabled, builder.defaultAsyncExecutor, builder.executorLookup, problems);
        checkMapperConflicts(builder, defaults, problems);
        GatewayMethodMetadata.Context context = new GatewayMethodMetadata.Context(defaults, channels,
                builder.expressionParser, builder.argsMapper, executor.available());
        List<GatewayMethodMetadata> methods = inspectMethods(serviceInterface, context, problems);
        problems.throwIfAny(serviceInterface);
        return bind(builder, defaults, executor, methods);
    }

    private static void checkMapperConflicts(GatewayProxyFactory.Builder<?> builder, GatewayDefaults defaults,
            Problems problems) {
        if (builder.argsMapper != null && (defaults.payloadExpression() != null || !defaults.headers().isEmpty())) {
            problems.add(GatewayDefaults.WHERE, GatewayRule.MAPPER_CONFLICT, "the gateway maps arguments with "
                    + builder.argsMapper + ", which builds the whole request, yet it also has "
                    + (defaults.payloadExpression() != null ? "a default payload expression" : "default headers")
                    + "; remove them or the mapper");
        }
    }

    private static List<GatewayMethodMetadata> inspectMethods(Class<?> serviceInterface,
            GatewayMethodMetadata.Context context, Problems problems) {
        List<GatewayMethodMetadata> inspected = new ArrayList<>();
        Method[] methods = serviceInterface.getMethods();
        // a stable order, so that problems are listed the same way on every run
        Arrays.sort(methods, (a, b) -> Methods.label(a).compareTo(Methods.label(b)));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers()) || isObjectMethod(method)
                    || GatewayInvocationHandler.isInheritedClose(method)) {
                continue; // Object's methods reach the proxy as Object's, whatever the interface declares
            }
            if (method.isDefault()) {
                if (method.isAnnotationPresent(Gateway.class) || method.isAnnotationPresent(Payload.class)) {
                    problems.add(method, GatewayRule.GATEWAY_ON_DEFAULT_METHOD, "a default method runs its own body,"
                            + " so @Gateway or @Payload on it would be ignored; remove the annotation or the body");
                }
                continue;
            }
            GatewayMethodMetadata metadata = GatewayMethodMetadata.inspect(method, context, problems);
            if (metadata != null) {
                inspected.add(metadata);
            }
        }
        return inspected;
    }

    private static <T> T bind(GatewayProxyFactory.Builder<T> builder, GatewayDefaults defaults,
            ExecutorChoice executorChoice, List<GatewayMethodMetadata> methods) {
        boolean needsExecutor = methods.stream().anyMatch(m -> m.shape().async() == ReplyShape.Async.EXECUTOR);
        // the default executor exists only for gateways that have asynchronous methods
        ExecutorService owned = needsExecutor && executorChoice.executor() == null
                ? DefaultGatewayExecutor.create(defaults.name()) : null;
        Executor executor = owned != null ? owned : executorChoice.executor();
        // one bridge per reply channel and gateway, shared by the methods that use the channel
        Map<SubscribableChannel, ReplyBridge> bridges = new IdentityHashMap<>();
        Map<Method, GatewayMethodInvoker> invokers = new HashMap<>();
        ErrorFlow errors = new ErrorFlow(defaults.errorChannel());
        for (GatewayMethodMetadata method : methods) {
            ReplyBridge bridge = method.kind() == GatewayMethodMetadata.Kind.SEND_AND_RECEIVE
                    && method.replyChannel() instanceof SubscribableChannel subscribable
                    ? bridges.computeIfAbsent(subscribable, channel -> new ReplyBridge(defaults.name(), channel))
                    : null;
            MethodExchange exchange = new MethodExchange(method.label(), method.requestChannel(),
                    method.replyChannel(), bridge, defaults.errorChannel(), method.requestTimeout(),
                    method.replyTimeout());
            invokers.put(method.method(), new GatewayMethodInvoker(method, exchange, errors, builder.conversions,
                    method.shape().async() == ReplyShape.Async.EXECUTOR ? executor : null));
        }
        bridges.values().forEach(ReplyBridge::open);
        GatewayInvocationHandler handler = new GatewayInvocationHandler(builder.serviceInterface, defaults.name(),
                invokers, List.copyOf(bridges.values()), owned);
        return builder.serviceInterface.cast(Proxy.newProxyInstance(builder.serviceInterface.getClassLoader(),
                new Class<?>[] {builder.serviceInterface}, handler));
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException notObjects) {
            return false;
        }
    }
}
