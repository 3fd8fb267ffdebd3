package dev.junction.cdi;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.advice.AdviceChain;
import dev.junction.impl.advice.AdviceContext;
import dev.junction.impl.handler.AbstractReplyProducingHandler.ReplyProducerSettings;
import dev.junction.impl.handler.BridgeHandler;
import dev.junction.impl.handler.support.Handlers;
import dev.junction.impl.handler.support.RouterSettings;
import dev.junction.impl.handler.support.Sources;
import dev.junction.impl.invoke.HandlerMethodInvoker;
import dev.junction.impl.runtime.JunctionRuntime;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds the handler of a consuming endpoint, or the message source of an inbound adapter, from its
 * {@link EndpointDescriptor} with the runtime's {@link Handlers}: the method is invoked on a target supplied by the
 * caller (the bean's contextual reference, or its contextual instance where that keeps the bean's semantics, see
 * {@link EndpointTarget}), selected exactly by the descriptor's {@code Method}. Channels the
 * handler sends to by name are resolved through the runtime's registry.
 */
final class EndpointHandlers {

    private final JunctionRuntime runtime;

    /** @param runtime whose handler factory and channels the handlers use */
    EndpointHandlers(JunctionRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * @param endpoint a consuming endpoint (not an inbound adapter)
     * @param target   supplies the object the method is invoked on; not asked for bridges
     * @param advices  the advice beans around the handling, outermost first (empty: none)
     * @throws RuntimeException (an {@code InvalidHandlerMethodException}, typically) when the method does not fit
     */
    MessageHandler handler(EndpointDescriptor endpoint, Supplier<EndpointTarget> target,
            List<HandlerAdvice> advices) {
        EndpointKind kind = endpoint.kind();
        ReplyProducerSettings settings = ReplyProducerSettings.named(endpoint.id())
                .outputChannelName(endpoint.outputChannel())
                .resolver(runtime.channels())
                .requiresReply(endpoint.requiresReply())
                .order(endpoint.order())
                .adviceChain(AdviceChain.of(advices, new AdviceContext(endpoint.id(), runtime.channels(),
                        runtime.expressionParser())))
                .discardWithinAdvice(endpoint.discardWithinAdvice());
        if (kind instanceof EndpointKind.Bridge) {
            return new BridgeHandler(settings);
        }
        Handlers handlers = runtime.handlers();
        HandlerMethodInvoker invoker = invoker(endpoint, target.get());
        if (kind instanceof EndpointKind.ServiceActivator) {
            return handlers.serviceActivator(invoker, settings);
        }
        if (kind instanceof EndpointKind.Transformer) {
            return handlers.transformer(invoker, settings);
        }
        if (kind instanceof EndpointKind.Filter filter) {
            return handlers.filter(invoker, channel(filter.discardChannel()), filter.throwOnRejection(), settings);
        }
        if (kind instanceof EndpointKind.Router router) {
            return handlers.router(invoker, RouterSettings.named(endpoint.id())
                    .channelMapping(router.channelMappings())
                    .resolver(runtime.channels())
                    .defaultOutputChannel(channel(router.defaultOutputChannel()))
                    .resolutionRequired(router.resolutionRequired())
                    .order(endpoint.order()));
        }
        throw new IllegalArgumentException(kind.annotation() + " is not a consuming endpoint");
    }

    /**
     * @param endpoint an inbound adapter
     * @param target   the object the method is invoked on
     * @return the source its poller polls
     */
    MessageSource<Object> source(EndpointDescriptor endpoint, EndpointTarget target) {
        return Sources.method(invoker(endpoint, target));
    }

    private HandlerMethodInvoker invoker(EndpointDescriptor endpoint, EndpointTarget target) {
        HandlerMethodInvoker.Builder invoker = runtime.handlers().invoker(target.reference())
                .targetType(endpoint.bean().getBeanClass()).method(endpoint.method());
        if (target.instanceOnFirstCall() != null) {
            invoker.targetOnFirstCall(target.instanceOnFirstCall());
        }
        return invoker.build();
    }

    /** @return the named channel (registered before endpoints are wired), or {@code null} for an empty name */
    private MessageChannel channel(String name) {
        return name.isEmpty() ? null : runtime.channels().getOrCreateDirect(name);
    }
}
