package dev.junction.cdi;

import dev.junction.api.annotation.Channel;
import dev.junction.api.annotation.IdempotentReceiver;
import dev.junction.api.annotation.MessagingGateway;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.DirectChannel;
import dev.junction.impl.channel.ErrorChannel;
import dev.junction.impl.channel.NullChannel;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.runtime.JunctionRuntime;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InterceptionFactory;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Junction portable extension: the container's observers, and nothing else. It collects immutable
 * descriptions while the container discovers beans, registers synthetic beans for gateways, channels and the
 * {@link JunctionRuntime} after discovery, has {@link EndpointWiring} build and validate the runtime at deployment
 * validation (all problems fail the deployment together, in one exception), starts endpoints when the application
 * context is initialized (before the application's own code runs) and stops them on {@link Shutdown}.
 *
 * <p>One instance per container and no static state, so two containers in one JVM stay apart.
 */
public class JunctionExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(JunctionExtension.class.getName());

    private final Map<Class<?>, GatewayDescriptor> gateways = new LinkedHashMap<>();
    private final List<EndpointDescriptor> endpoints = new ArrayList<>();
    private final ChannelDescriptors.Collector channelCollector = new ChannelDescriptors.Collector();
    private final List<InjectionPoint> channelInjectionPoints = new ArrayList<>();
    private final DeclarationBeans declarations = new DeclarationBeans();
    private final DiscoveredBeans discoveredBeans = new DiscoveredBeans();
    private ChannelDescriptors channels;
    /** Found after discovery, reported at deployment validation with every other problem. */
    private List<ChannelBeanTypes.Mismatch> channelTypeMismatches = List.of();
    /** {@code @IdempotentReceiver} on methods that cannot take it, reported at deployment validation. */
    private final List<String> misplacedIdempotentReceivers = new ArrayList<>();
    /** Assigned as validation begins wiring it: the beans created while it is wired need it. */
    private volatile JunctionRuntime runtime;
    /** Whether the runtime is wired, so that it may start. */
    private final WiringProgress wiring = new WiringProgress();

    /** Gateway interfaces: {@code @MessagingGateway} is a stereotype, so {@code annotated} archives report them too. */
    <T> void gatewayInterface(@Observes @WithAnnotations(MessagingGateway.class) ProcessAnnotatedType<T> event,
            BeanManager beanManager) {
        if (event.getAnnotatedType().getJavaClass().isInterface()
                && event.getAnnotatedType().isAnnotationPresent(MessagingGateway.class)) {
            GatewayDescriptor gateway = GatewayDescriptor.of(event.getAnnotatedType(), beanManager);
            gateways.putIfAbsent(gateway.type(), gateway);
            gateway.channelNames().forEach(channelCollector::reference);
        }
    }

    /** Endpoint methods of managed beans, and bridges on their channel producer methods. */
    <X> void endpointMethods(@Observes ProcessManagedBean<X> event) {
        Bean<X> bean = event.getBean();
        if (bean instanceof Interceptor || bean instanceof Decorator) {
            return;
        }
        for (AnnotatedMethod<? super X> method : event.getAnnotatedBeanClass().getMethods()) {
            List<EndpointDescriptor> discovered = EndpointDescriptor.discover(bean, method);
            for (EndpointDescriptor endpoint : discovered) {
                endpoints.add(endpoint);
                endpoint.channelNames().forEach(channelCollector::reference);
            }
            // --- idempotent receiver
            if (method.isAnnotationPresent(IdempotentReceiver.class)) {
                IdempotentReceivers.misplaced(method.getJavaMember().getDeclaringClass().getName() + "#"
                        + method.getJavaMember().getName(),
                        discovered).ifPresent(misplacedIdempotentReceivers::add);
            }
        }
    }

    /** Channels the application declares: beans of a channel type qualified {@code @Channel}. */
    void channelDeclarations(@Observes ProcessBean<?> event) {
        if (channels != null || (event instanceof ProcessSyntheticBean<?> synthetic && synthetic.getSource() == this)) {
            return;
        }
        Bean<?> bean = event.getBean();
        Channel channel = channelQualifier(bean.getQualifiers());
        if (channel != null && isChannelType(bean.getTypes())) {
            channelCollector.declare(channel.value(), bean);
        }
    }

    /** Beans that declare flows and endpoints in code, and every bean the runtime's lookups may need. */
    void discoveredBeans(@Observes ProcessBean<?> event) {
        declarations.discovered(event.getBean());
        discoveredBeans.discovered(event.getBean());
    }

    /** Channel names injected with {@code @Channel}. */
    void channelInjectionPoints(@Observes ProcessInjectionPoint<?, ?> event) {
        Channel channel = channelQualifier(event.getInjectionPoint().getQualifiers());
        if (channel != null) {
            channelCollector.reference(channel.value());
            channelInjectionPoints.add(event.getInjectionPoint());
        }
    }

    void registerBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        channels = channelCollector.freeze();
        channelTypeMismatches = ChannelBeanTypes.mismatches(channels, channelInjectionPoints);
        ChannelBeanTypes.addPlaceholders(event, channels, channelInjectionPoints, channelTypeMismatches);
        for (GatewayDescriptor gateway : gateways.values()) {
            Class<?> type = gateway.type();
            List<Annotation> qualifiers = new ArrayList<>(List.of(Any.Literal.INSTANCE, Default.Literal.INSTANCE));
            gateway.name().ifPresent(name -> qualifiers.add(NamedLiteral.of(name)));
            event.addBean()
                    .beanClass(type)
                    .types(type, Object.class)
                    .scope(gateway.scope())
                    .qualifiers(qualifiers.toArray(Annotation[]::new))
                    .name(gateway.name().orElse(null))
                    .createWith(context -> gatewayInstance(gateway, beanManager, context));
        }
        for (String name : channels.synthesized()) {
            addChannelBean(event, name, DirectChannel.class, ChannelBeanTypes.SYNTHESIZED);
        }
        addChannelBean(event, NullChannel.NAME, NullChannel.class, ChannelBeanTypes.BUILT_IN.get(NullChannel.NAME));
        addChannelBean(event, ErrorChannel.NAME, ErrorChannel.class, ChannelBeanTypes.BUILT_IN.get(ErrorChannel.NAME));
        event.addBean()
                .beanClass(JunctionRuntime.class)
                .types(Junction.class, Object.class)
                .scope(Singleton.class)
                .qualifiers(Any.Literal.INSTANCE, Default.Literal.INSTANCE)
                .createWith(context -> runtime());
    }

    /**
     * The gateway proxy, wrapped by the container's {@link InterceptionFactory} when the interface carries interceptor
     * bindings: a synthetic bean gets no interceptors by itself.
     */
    private <T> T gatewayInstance(GatewayDescriptor gateway, BeanManager beanManager, CreationalContext<?> context) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) gateway.type();
        T proxy = runtime().gateway(type);
        if (!gateway.intercepted()) {
            return proxy;
        }
        @SuppressWarnings("unchecked")
        CreationalContext<T> typed = (CreationalContext<T>) context;
        return beanManager.createInterceptionFactory(typed, type).createInterceptedInstance(proxy);
    }

    /**
     * A channel the runtime owns, one instance per container. {@code @Singleton}, not a normal scope: OpenWebBeans
     * builds a client proxy from the bean class alone, and {@code DirectChannel} (no no-arg constructor) and the
     * final {@code NullChannel} and {@code ErrorChannel} cannot be proxied.
     */
    private void addChannelBean(AfterBeanDiscovery event, String name, Class<?> beanClass, Set<Type> types) {
        event.addBean()
                .beanClass(beanClass)
                .types(types)
                .scope(Singleton.class)
                .qualifiers(Any.Literal.INSTANCE, Channel.Literal.of(name))
                .createWith(context -> runtime().channels().resolve(name));
    }

    /**
     * Builds the runtime first of all validation observers, so other extensions may already use its beans. Every
     * problem, those found after discovery included, fails the deployment in one exception thrown from here:
     * OpenWebBeans would keep problems added to the event in its log, out of the exception it fails with.
     */
    void validate(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE)
            AfterDeploymentValidation event, BeanManager beanManager) {
        wiring.begin();
        try {
            wire(beanManager);
        } finally {
            wiring.end();
        }
    }

    private void wire(BeanManager beanManager) {
        DeploymentValidator validator = new DeploymentValidator();
        channelTypeMismatches.forEach(mismatch -> validator.problem(DeploymentValidator.CHANNEL_TYPE_MISMATCH,
                mismatch.problem()));
        misplacedIdempotentReceivers.forEach(problem -> validator.problem(IdempotentReceivers.MISPLACED,
                problem));
        BeanReferences references = new BeanReferences(beanManager); // converters and executors the runtime uses
        RequestContexts requestContexts = RequestContexts.of(beanManager);
        RuntimeExecutors executors = RuntimeExecutors.find(beanManager, requestContexts);
        List<Runnable> transactionReleases = new ArrayList<>();
        TransactionLookup transactions = new TransactionLookup(beanManager, transactionReleases::add);
        JunctionRuntime.Builder builder = JunctionRuntime.builder()
                .transactions(transaction -> transactions.find().map(advice -> transaction.timeout() == null
                        ? advice : advice.withTimeout(transaction.timeout())))
                .transactionManagerLookup(transactions::transactionManager)
                .containerReleases(transactions::containerReleases)
                .expressionParser(expressionParser(beanManager))
                .conversions(new ConverterBeans(beanManager, references, validator, discoveredBeans).registry())
                .asyncExecutor(executors.asyncGateway())
                .executorLookup(name -> RuntimeExecutors.named(name, discoveredBeans, beanManager, references,
                        requestContexts))
                .eventSink(beanManager.getEvent()::fire);
        executors.scheduler().ifPresent(builder::scheduler);
        List<Runnable> securityReleases = new ArrayList<>();
        CallerRoles.find(beanManager, securityReleases::add).ifPresent(builder::roleCheck);
        JunctionRuntime built = builder.build();
        built.onClose(references::release);
        built.onClose(executors::release);
        built.onClose(() -> transactionReleases.forEach(Runnable::run));
        built.onClose(() -> securityReleases.forEach(Runnable::run));
        runtime = built;
        new EndpointWiring(built, beanManager, validator, transactions, discoveredBeans)
                .wire(channels, List.copyOf(gateways.values()), List.copyOf(endpoints));
        declarations.declare(built, beanManager, validator);
        if (!validator.isClean()) {
            built.close();
            throw validator.failure();
        }
        wiring.succeeded(built);
    }

    /**
     * Starts the endpoints when the application context is initialized, before the application's own observers of
     * that event, which CDI fires before {@link Startup}: application code may send from there, and a message must not
     * meet a channel without subscribers, nor a request wait for a poller that has not started. Not at deployment
     * validation: later validation observers may still fail the deployment, and an application server may not have
     * finished deploying the module, while pollers and inbound adapters already invoke its beans. Where the event
     * fires once per module, the first starts everything; the others wait until it has.
     *
     * <p>The runtime starts only once deployment validation has wired every endpoint and declared flow into it:
     * <ul>
     * <li>fired on another thread while validation is still wiring, the observer waits until the wiring is over, then
     * starts the runtime, so the application's observers that follow never meet a half-wired one;</li>
     * <li>fired before validation has begun (a container that initializes the application context first), there is
     * nothing to start yet: {@link Startup} starts the runtime. Application code cannot send in between, since the
     * gateway and channel beans need the runtime, which does not exist yet, and fail to be created;</li>
     * <li>fired on the validating thread itself, while it wires (from an {@link AfterDeploymentValidation} observer
     * or a bean it creates), it fails with an {@link IllegalStateException}: the runtime can neither start
     * half-wired nor wait for its own thread.</li>
     * </ul>
     */
    void startWithApplication(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE)
            @Initialized(ApplicationScoped.class) Object event) {
        wiring.awaitWired().ifPresent(JunctionRuntime::start);
    }

    /**
     * Starts the endpoints if the application context's initialization did not (a container that initialized it
     * before deployment validation built the runtime); before the application's own startup observers.
     */
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE) Startup event) {
        runtime().start();
    }

    /** Stops endpoints after the application's own shutdown observers, while contexts still exist. */
    void stop(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_AFTER) Shutdown event) {
        runtime().stop();
    }

    void close(@Observes BeforeShutdown event) {
        JunctionRuntime current = runtime;
        if (current != null) {
            current.close();
        }
    }

    /**
     * A parser resolving {@code @Named} beans through the container's EL resolver. Weld SE has EL support only with
     * its optional {@code weld-web} module; without it, expressions see no beans (documented in cdi.adoc).
     */
    private static ExpressionParser expressionParser(BeanManager beanManager) {
        try {
            return new ExpressionParser(beanManager.wrapExpressionFactory(ExpressionParser.defaultFactory()),
                    beanManager.getELResolver());
        } catch (RuntimeException noElSupport) {
            LOG.log(System.Logger.Level.DEBUG, () -> "The CDI container offers no EL integration ("
                    + noElSupport.getMessage() + "); expressions will not resolve @Named beans");
            return new ExpressionParser();
        }
    }

    private JunctionRuntime runtime() {
        JunctionRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("The Junction runtime is built at deployment validation and is not"
                    + " available before");
        }
        return current;
    }

    private static Channel channelQualifier(Set<Annotation> qualifiers) {
        for (Annotation qualifier : qualifiers) {
            if (qualifier instanceof Channel channel) {
                return channel;
            }
        }
        return null;
    }

    private static boolean isChannelType(Set<Type> types) {
        for (Type type : types) {
            if (type instanceof Class<?> raw && MessageChannel.class.isAssignableFrom(raw)) {
                return true;
            }
        }
        return false;
    }
}
