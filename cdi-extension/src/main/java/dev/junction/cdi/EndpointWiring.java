package dev.junction.cdi;

import dev.junction.api.annotation.Poller;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.impl.gateway.InvalidGatewayException;
import dev.junction.impl.poller.PollAdvice;
import dev.junction.impl.poller.PollerMetadata;
import dev.junction.impl.poller.PollerSpec;
import dev.junction.impl.poller.TransactionalPollAdvice;
import dev.junction.impl.source.MessageSource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one container's {@link JunctionRuntime} from the discovered descriptions, at deployment validation:
 * registers the channels (declared ones through their contextual references, the others as direct channels),
 * creates every gateway proxy, and builds every endpoint over its bean's contextual reference. Everything that
 * goes wrong is reported to the {@link DeploymentValidator}, and wiring continues, so that all problems are found
 * in one deployment.
 *
 * <p>Endpoints are only built here; they start when the container is fully up ({@link JunctionRuntime#start()}).
 */
public final class EndpointWiring {

    private final JunctionRuntime runtime;
    private final BeanManager beanManager;
    /** Outermost advice of every poll: handlers on poller threads get a request context. */
    private final PollAdvice requestContext;
    private final DeploymentValidator validator;
    private final TransactionManagerLookup transactionManager;

    /**
     * @param runtime     the runtime to fill
     * @param beanManager the container's bean manager, for contextual references
     * @param validator   where problems go
     */
    public EndpointWiring(JunctionRuntime runtime, BeanManager beanManager, DeploymentValidator validator) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.transactionManager = new TransactionManagerLookup(beanManager, runtime::onClose);
        this.requestContext = new RequestContextPollAdvice(
                beanManager.createInstance().select(RequestContextController.class));
    }

    /** Wires channels, then gateways, then endpoints (each step needs the channels of the first). */
    public void wire(ChannelDescriptors channels, List<GatewayDescriptor> gateways, List<EndpointDescriptor> endpoints) {
        registerChannels(channels);
        gateways.forEach(this::createGateway);
        validator.checkEndpoints(endpoints).forEach(this::wireEndpoint);
    }

    private void registerChannels(ChannelDescriptors channels) {
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
            runtime.channels().getOrCreateDirect(name);
        }
    }

    private void registerDeclared(String name, Bean<?> bean) {
        try {
            MessageChannel channel = (MessageChannel) reference(bean, MessageChannel.class);
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
        MessageChannel input = runtime.channels().getOrCreateDirect(endpoint.inputChannel());
        if (endpoint.kind() instanceof EndpointKind.Bridge bridge && bridge.sharesPoller()
                && !(input instanceof PollableChannel)) {
            endpoint = endpoint.withoutPoller(); // the producer's @Poller serves its other bridge, the pollable one
        }
        boolean ok = true;
        PollerMetadata poller = null;
        if (endpoint.poller().isPresent()) {
            try {
                poller = pollerMetadata(endpoint);
            } catch (IllegalStateException invalid) {
                validator.problem(DeploymentValidator.INVALID_POLLER, endpoint.describeMethod() + ": "
                        + invalid.getMessage());
                ok = false;
            }
        }
        if (input instanceof SubscribableChannel && endpoint.poller().isPresent()) {
            validator.problem(DeploymentValidator.POLLER_ON_SUBSCRIBABLE, endpoint.describeMethod() + " has @Poller,"
                    + " but its input channel '" + input.getName() + "' is subscribable and pushes messages itself;"
                    + " remove @Poller or declare the channel as a PollableChannel (a queue channel)");
            ok = false;
        } else if (input instanceof PollableChannel && endpoint.poller().isEmpty()
                && runtime.endpoints().getDefaultPoller().isEmpty()) {
            validator.problem(DeploymentValidator.POLLABLE_WITHOUT_POLLER, endpoint.describeMethod() + " consumes"
                    + " from the pollable channel '" + input.getName() + "' but has no poller; add"
                    + " @Poller(fixedDelay = ...) to the method");
            ok = false;
        } else if (!(input instanceof SubscribableChannel) && !(input instanceof PollableChannel)) {
            validator.problem(DeploymentValidator.INVALID_CHANNEL, endpoint.describeMethod() + ": input channel '"
                    + input.getName() + "' is neither subscribable nor pollable; declare its bean type as"
                    + " SubscribableChannel or PollableChannel");
            ok = false;
        }
        MessageHandler handler;
        try {
            handler = handler(endpoint);
        } catch (RuntimeException invalid) {
            validator.problem(DeploymentValidator.INVALID_ENDPOINT_METHOD, endpoint.describeMethod() + ": "
                    + invalid.getMessage());
            return;
        }
        if (ok) {
            runtime.endpoints().consumer(endpoint.id(), input, handler, poller, endpoint.autoStartup());
        }
    }

    /** An inbound adapter: its method, polled by its own poller or the default poller, feeds its channel. */
    private void wireInboundAdapter(EndpointDescriptor adapter) {
        boolean ok = true;
        PollerMetadata poller = null;
        if (adapter.poller().isPresent()) {
            try {
                poller = pollerMetadata(adapter);
            } catch (IllegalStateException invalid) {
                validator.problem(DeploymentValidator.INVALID_POLLER, adapter.describeMethod() + ": "
                        + invalid.getMessage());
                ok = false;
            }
        } else if (runtime.endpoints().getDefaultPoller().isEmpty()) {
            validator.problem(DeploymentValidator.ADAPTER_WITHOUT_POLLER, adapter.describeMethod() + " is an"
                    + " @InboundChannelAdapter without a poller, and no default poller is declared; add"
                    + " @Poller(fixedDelay = ...) to the method");
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
            runtime.endpoints().inboundAdapter(adapter.id(), source, adapter.outputChannel(), poller, null,
                    adapter.autoStartup());
        }
    }

    private MessageHandler handler(EndpointDescriptor endpoint) {
        return new EndpointHandlers(runtime).handler(endpoint, () -> target(endpoint));
    }

    /** The bean's contextual reference: interceptors and decorators apply, normal scopes resolve per invocation. */
    private Object target(EndpointDescriptor endpoint) {
        Bean<?> bean = endpoint.bean();
        Class<?> beanClass = bean.getBeanClass();
        Type referenceType = bean.getTypes().contains(beanClass) ? beanClass : Object.class;
        return reference(bean, referenceType);
    }

    private Object reference(Bean<?> bean, Type type) {
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        Object reference = beanManager.getReference(bean, type, context);
        if (bean.getScope() == Dependent.class) {
            runtime.onClose(context::release); // a dependent instance lives as long as the endpoint
        }
        return reference;
    }

    /**
     * The poller of an endpoint method: a request context around each poll, and a {@link TransactionalPollAdvice} over
     * the container's transaction
     * manager when {@code @Poller(transactional = true)}; without a transaction manager that is a deployment problem
     * ({@value DeploymentValidator#NO_TRANSACTION_MANAGER}).
     *
     * @throws IllegalStateException naming every conflict of the poller's settings
     */
    private PollerMetadata pollerMetadata(EndpointDescriptor endpoint) {
        Poller poller = endpoint.poller().orElseThrow();
        if (!poller.transactional()) {
            return toMetadata(endpoint.id(), poller, requestContext);
        }
        PollAdvice[] transaction = transactionManager.find()
                .map(manager -> new PollAdvice[] {requestContext, TransactionalPollAdvice.of(manager)})
                .orElseGet(() -> {
                    validator.problem(DeploymentValidator.NO_TRANSACTION_MANAGER, endpoint.describeMethod()
                            + " has @Poller(transactional = true), but " + transactionManager.whyNotFound()
                            + "; deploy to a Jakarta EE server, or in Java SE add a JTA implementation with CDI"
                            + " integration (e.g. org.jboss.narayana.jta:cdi) or produce one"
                            + " jakarta.transaction.TransactionManager bean; or remove transactional = true");
                    return new PollAdvice[] {requestContext};
                });
        return toMetadata(endpoint.id(), poller, transaction);
    }

    /**
     * Translates a {@link Poller @Poller} into poller metadata.
     *
     * @param advices advices around each whole poll, outermost first (a transaction)
     * @throws IllegalStateException naming every conflict, as {@link PollerSpec#build()} does
     */
    static PollerMetadata toMetadata(String owner, Poller poller, PollAdvice... advices) {
        PollerSpec spec = PollerSpec.forOwner(owner).advice(advices);
        if (poller.fixedDelay() != Poller.NOT_SET) {
            spec.withFixedDelay(Duration.ofMillis(poller.fixedDelay()));
        }
        if (poller.fixedRate() != Poller.NOT_SET) {
            spec.withFixedRate(Duration.ofMillis(poller.fixedRate()));
        }
        if (!poller.cron().isEmpty()) {
            spec.withCron(poller.cron());
        }
        if (poller.initialDelay() != Poller.NOT_SET) {
            spec.initialDelay(Duration.ofMillis(poller.initialDelay()));
        }
        if (poller.maxMessagesPerPoll() != Poller.MAX_MESSAGES_NOT_SET) {
            spec.maxMessagesPerPoll(poller.maxMessagesPerPoll());
        }
        if (poller.receiveTimeout() != Poller.NOT_SET) {
            spec.receiveTimeout(Duration.ofMillis(poller.receiveTimeout()));
        }
        spec.errorChannelName(poller.errorChannel());
        return spec.build();
    }
}
