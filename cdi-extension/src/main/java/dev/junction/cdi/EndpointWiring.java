package dev.junction.cdi;

import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.channel.LoadBalancingStrategy;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.gateway.InvalidGatewayException;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one container's {@link JunctionRuntime} from the discovered descriptions, at deployment validation:
 * registers the channels (declared ones through their contextual references, the others as direct channels, with
 * their load-balancing strategy beans), registers the global channel interceptor beans and the default poller bean,
 * creates every gateway proxy, and builds every endpoint over its bean's contextual reference, with the poller its
 * {@code @Poller} describes. Everything that goes wrong is reported to the {@link DeploymentValidator}, and wiring
 * continues, so that all problems are found in one deployment.
 *
 * <p>Endpoints are only built here; they start when the application context is initialized
 * ({@link JunctionRuntime#start()}).
 */
final class EndpointWiring {

    private final JunctionRuntime runtime;
    private final BeanManager beanManager;
    private final DeploymentValidator validator;
    private final BeanReferences references;
    private final PollerAssembly pollers;
    /** Resolves the advice beans endpoints name. */
    private final NamedReferences namedReferences;
    private final DiscoveredBeans discovered;
    /** Builds the idempotent receivers endpoint methods declare. */
    private final IdempotentReceivers idempotentReceivers;
    /** Activates request contexts for handlers on threads other than the sender's. */
    private final RequestContexts requestContexts;
    /** Names of the channels that are a different instance in each context: no endpoint can consume from them. */
    private final Set<String> contextualChannels = new HashSet<>();
    /** Whether the application declares a default poller that is unusable (already reported): no more noise. */
    private boolean defaultPollerBroken;

    /**
     * @param runtime     the runtime to fill
     * @param beanManager the container's bean manager, for contextual references
     * @param validator   where problems go
     * @param transactions how transactional pollers find the container's transactions
     * @param discovered  the beans the container reported, among which annotation attributes' names and the
     *                    application's converters, interceptors, strategies and default poller are found
     */
    EndpointWiring(JunctionRuntime runtime, BeanManager beanManager, DeploymentValidator validator,
            TransactionLookup transactions, DiscoveredBeans discovered) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.references = new BeanReferences(beanManager);
        runtime.onClose(references::release);
        this.requestContexts = RequestContexts.of(beanManager);
        this.discovered = Objects.requireNonNull(discovered, "discovered");
        this.namedReferences = new NamedReferences(beanManager, references, validator, discovered);
        this.idempotentReceivers = new IdempotentReceivers(namedReferences);
        this.pollers = new PollerAssembly(beanManager, references, validator,
                new RequestContextPollAdvice(requestContexts), transactions, discovered);
    }

    /**
     * Wires channels, then the global interceptors (which may inject channels; they reach every channel, registered
     * before or after them) and the default poller, then gateways, then endpoints (each step needs the channels).
     */
    public void wire(ChannelDescriptors channels, List<GatewayDescriptor> gateways,
            List<EndpointDescriptor> endpoints) {
        registerChannels(channels,
                new LoadBalancerBeans(beanManager, references, validator, discovered).strategies(channels));
        new GlobalInterceptorBeans(beanManager, references, validator, discovered)
                .registerWith(runtime.globalInterceptors());
        registerDefaultPoller();
        gateways.forEach(this::createGateway);
        validator.checkEndpoints(endpoints).forEach(this::wireEndpoint);
    }

    private void registerDefaultPoller() {
        int problemsBefore = validator.problems().size();
        Optional<PollerMetadata> poller = pollers.defaultPoller();
        String errorChannel = poller.map(PollerMetadata::errorChannelName).orElse(null);
        if (errorChannel != null && runtime.channels().find(errorChannel).isEmpty()) {
            validator.problem(DeploymentValidator.INVALID_DEFAULT_POLLER, "the default poller names the error"
                    + " channel '" + errorChannel + "', which does not exist; declare it with a @Channel(\""
                    + errorChannel + "\") producer, or name an existing channel");
            poller = Optional.empty();
        }
        poller.ifPresent(runtime.endpoints()::setDefaultPoller);
        defaultPollerBroken = validator.problems().size() > problemsBefore;
    }

    private void registerChannels(ChannelDescriptors channels, Map<String, LoadBalancingStrategy> strategies) {
        for (Map.Entry<String, List<Bean<?>>> declared : channels.declared().entrySet()) {
            String name = declared.getKey();
            List<Bean<?>> beans = declared.getValue();
            if (ChannelDescriptors.BUILT_IN.contains(name)) {
                validator.problem(DeploymentValidator.INVALID_CHANNEL, "channel '" + name + "' is built in and"
                        + " cannot be declared (" + beans + "); remove the declaration or use another name");
            } else if (beans.size() > 1) {
                validator.problem(DeploymentValidator.INVALID_CHANNEL, "channel '" + name + "' is declared "
                        + beans.size() + " times: " + beans + "; keep one declaration per name");
            } else {
                registerDeclared(name, beans.get(0));
            }
        }
        for (String name : channels.synthesized()) {
            LoadBalancingStrategy strategy = strategies.get(name);
            if (strategy == null) {
                runtime.channels().getOrCreateDirect(name);
            } else {
                runtime.channels().register(DirectChannel.builder().name(name).loadBalancer(strategy).build());
            }
        }
    }

    private void registerDeclared(String name, Bean<?> bean) {
        if (isContextual(bean)) {
            registerContextual(name, bean);
            return;
        }
        try {
            MessageChannel channel = channelInstance(bean);
            String actual = channel.getName();
            if (!name.equals(actual)) {
                validator.problem(DeploymentValidator.INVALID_CHANNEL, "the channel declared as @Channel(\"" + name
                        + "\") by " + bean + " is named '" + actual + "'; create it with the name '" + name + "'");
                return;
            }
            runtime.channels().register(channel);
        } catch (RuntimeException failed) {
            validator.problem(DeploymentValidator.INVALID_CHANNEL, "the channel @Channel(\"" + name + "\") declared by "
                    + bean + " could not be created or registered: " + failed + "; fix its declaration");
        }
    }

    /** @return whether the channel is a different instance in each context (request, session, conversation...) */
    private boolean isContextual(Bean<?> bean) {
        return beanManager.isNormalScope(bean.getScope()) && bean.getScope() != ApplicationScoped.class;
    }

    /**
     * A scoped channel (a {@code @RequestScoped} queue is each request's own): its client
     * proxy is registered, so that senders, gateways and injection points reach the instance of their current
     * context. Its name cannot be checked here (no context is active); global interceptors do not reach its instances.
     */
    private void registerContextual(String name, Bean<?> bean) {
        try {
            runtime.channels().register(name, (MessageChannel) reference(bean, MessageChannel.class));
            contextualChannels.add(name);
        } catch (RuntimeException failed) {
            validator.problem(DeploymentValidator.INVALID_CHANNEL, "the scoped channel @Channel(\"" + name
                    + "\") declared by " + bean + " could not be registered: " + failed + "; fix its declaration");
        }
    }

    /**
     * The channel object itself. For an {@code @ApplicationScoped} declaration that is the instance behind the client
     * proxy, which lives as long as the application: a proxy made from a narrow producer type (such as
     * {@code PollableChannel}) would hide what the channel is, an interceptable channel for global interceptors, a
     * queue whose size a draining stop reads. Producer results get no interceptors or decorators, so the proxy adds
     * nothing else.
     */
    @SuppressWarnings("unchecked")
    private MessageChannel channelInstance(Bean<?> bean) {
        if (!beanManager.isNormalScope(bean.getScope())) {
            return (MessageChannel) reference(bean, MessageChannel.class); // a pseudo-scoped reference is the instance
        }
        Bean<Object> contextual = (Bean<Object>) bean;
        return (MessageChannel) beanManager.getContext(bean.getScope())
                .get(contextual, beanManager.createCreationalContext(contextual));
    }

    private void createGateway(GatewayDescriptor gateway) {
        try {
            runtime.gateway(gateway.type());
        } catch (InvalidGatewayException invalid) {
            for (String problem : invalid.getProblems()) {
                validator.problem(DeploymentValidator.INVALID_GATEWAY, gateway.type().getName() + ": " + problem);
            }
        } catch (RuntimeException failed) {
            validator.problem(DeploymentValidator.INVALID_GATEWAY, gateway.type().getName()
                    + ": the gateway could not be created: " + failed + "; fix the interface or its channels");
        }
    }

    private void wireEndpoint(EndpointDescriptor endpoint) {
        if (endpoint.kind() instanceof EndpointKind.InboundAdapter) {
            wireInboundAdapter(endpoint);
            return;
        }
        if (contextualChannels.contains(endpoint.inputChannel())) {
            validator.problem(DeploymentValidator.INVALID_CHANNEL, endpoint.describeMethod() + " consumes from '"
                    + endpoint.inputChannel() + "', a scoped channel: each context (request, session...) has its own"
                    + " instance, which an endpoint built at deployment cannot follow; receive from it in the code"
                    + " that runs in that context, or declare the channel @ApplicationScoped");
            return;
        }
        MessageChannel input = runtime.channels().getOrCreateDirect(endpoint.inputChannel());
        if (endpoint.kind() instanceof EndpointKind.Bridge bridge && bridge.sharesPoller()
                && !(input instanceof PollableChannel)) {
            endpoint = endpoint.withoutPoller(); // the producer's @Poller serves its other bridge, the pollable one
        }
        boolean ok = true;
        PollerMetadata poller = null;
        if (endpoint.poller().isPresent()) {
            poller = pollers.forEndpoint(endpoint).orElse(null);
            ok = poller != null;
        }
        if (input instanceof SubscribableChannel && endpoint.poller().isPresent()) {
            validator.problem(DeploymentValidator.POLLER_ON_SUBSCRIBABLE, endpoint.describeMethod() + " has @Poller,"
                    + " but its input channel '" + input.getName() + "' is subscribable and pushes messages itself;"
                    + " remove @Poller or declare the channel as a PollableChannel (a queue channel)");
            ok = false;
        } else if (input instanceof PollableChannel && endpoint.poller().isEmpty()
                && runtime.endpoints().getDefaultPoller().isEmpty()) {
            ok = false;
            if (!defaultPollerBroken) {
                validator.problem(DeploymentValidator.POLLABLE_WITHOUT_POLLER, endpoint.describeMethod() + " consumes"
                        + " from the pollable channel '" + input.getName() + "' but has no poller; add"
                        + " @Poller(fixedDelay = ...) to the method, or declare a @DefaultPoller bean");
            }
        } else if (!(input instanceof SubscribableChannel) && !(input instanceof PollableChannel)) {
            validator.problem(DeploymentValidator.INVALID_CHANNEL, endpoint.describeMethod() + ": input channel '"
                    + input.getName() + "' is neither subscribable nor pollable; declare its bean type as"
                    + " SubscribableChannel or PollableChannel");
            ok = false;
        }
        Optional<List<HandlerAdvice>> advices = advices(endpoint);
        if (advices.isEmpty()) {
            return; // the problems are reported
        }
        MessageHandler handler;
        try {
            EndpointDescriptor described = endpoint;
            handler = new EndpointHandlers(runtime).handler(endpoint, () -> target(described), advices.get());
        } catch (RuntimeException invalid) {
            validator.problem(DeploymentValidator.INVALID_ENDPOINT_METHOD, endpoint.describeMethod() + ": "
                    + invalid.getMessage());
            return;
        }
        if (ok) {
            if (input instanceof SubscribableChannel && !(input instanceof DirectChannel)) {
                // an executor or publish-subscribe channel may run the handler on a thread of its own; a direct
                // channel runs it on the sender's, in the sender's context (and transaction)
                handler = requestContexts.around(handler);
            }
            try {
                runtime.endpoints().consumer(endpoint.id(), input, handler, poller, endpoint.autoStartup());
            } catch (IllegalStateException refused) { // the default poller is transactional, no transactions
                validator.problem(DeploymentValidator.INVALID_DEFAULT_POLLER, endpoint.describeMethod() + ": "
                        + refused.getMessage());
            }
        }
    }

    /** An inbound adapter: its method, polled by its own poller or the default poller, feeds its channel. */
    private void wireInboundAdapter(EndpointDescriptor adapter) {
        boolean ok = true;
        PollerMetadata poller = null;
        if (adapter.poller().isPresent()) {
            poller = pollers.forEndpoint(adapter).orElse(null);
            ok = poller != null;
        } else if (runtime.endpoints().getDefaultPoller().isEmpty()) {
            if (!defaultPollerBroken) {
                validator.problem(DeploymentValidator.ADAPTER_WITHOUT_POLLER, adapter.describeMethod() + " is an"
                        + " @InboundChannelAdapter without a poller, and no default poller is declared; add"
                        + " @Poller(fixedDelay = ...) to the method, or declare a @DefaultPoller bean");
            }
            ok = false;
        }
        MessageSource<Object> source;
        try {
            source = new EndpointHandlers(runtime).source(adapter, target(adapter));
        } catch (RuntimeException invalid) {
            validator.problem(DeploymentValidator.INVALID_ENDPOINT_METHOD, adapter.describeMethod() + ": "
                    + invalid.getMessage());
            return;
        }
        if (ok) {
            try {
                runtime.endpoints().inboundAdapter(adapter.id(), source, adapter.outputChannel(), poller, null,
                        adapter.autoStartup());
            } catch (IllegalStateException refused) { // the default poller is transactional, no transactions
                validator.problem(DeploymentValidator.INVALID_DEFAULT_POLLER, adapter.describeMethod() + ": "
                        + refused.getMessage());
            }
        }
    }

    /**
     * @return the endpoint's idempotent receiver, if any, then the advice beans its {@code adviceChain} names, in
     *         order; empty when a name did not resolve (reported)
     */
    private Optional<List<HandlerAdvice>> advices(EndpointDescriptor endpoint) {
        if (endpoint.adviceChain().isEmpty() && endpoint.idempotentReceiver().isEmpty()) {
            return Optional.of(List.of());
        }
        List<HandlerAdvice> advices = new ArrayList<>();
        boolean resolved = true;
        // --- idempotent receiver: the outermost advice, so that a retry inside it is no duplicate
        if (endpoint.idempotentReceiver().isPresent()) {
            Optional<HandlerAdvice> receiver = idempotentReceivers.advice(endpoint);
            receiver.ifPresent(advices::add);
            resolved = receiver.isPresent();
        }
        // --- end idempotent receiver
        for (String name : endpoint.adviceChain()) {
            Optional<Object> advice = namedReferences.find(endpoint.describeMethod(), endpoint.kind().annotation()
                    + "(adviceChain = \"" + name + "\")", name, List.of(HandlerAdvice.class));
            advice.ifPresent(found -> advices.add((HandlerAdvice) found));
            resolved &= advice.isPresent();
        }
        return resolved ? Optional.of(advices) : Optional.empty();
    }

    /**
     * The bean's contextual reference (interceptors and decorators apply, normal scopes resolve per invocation), and
     * for an {@code @ApplicationScoped} bean its instance, which the endpoint calls directly when nothing wraps it.
     */
    private EndpointTarget target(EndpointDescriptor endpoint) {
        Bean<?> bean = endpoint.bean();
        Class<?> beanClass = bean.getBeanClass();
        boolean typedAsItsClass = bean.getTypes().contains(beanClass);
        Object reference = reference(bean, typedAsItsClass ? beanClass : Object.class);
        boolean applicationScoped = bean.getScope() == ApplicationScoped.class;
        return new EndpointTarget(reference, applicationScoped && typedAsItsClass
                ? references.applicationScopedInstance(bean, reference) : null);
    }

    private Object reference(Bean<?> bean, Type type) {
        return references.of(bean, type);
    }
}
