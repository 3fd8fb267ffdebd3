package dev.junction.impl.runtime;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.convert.Converter;
import dev.junction.api.error.ConfigurationException;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.runtime.Declaration;
import dev.junction.api.runtime.Endpoint;
import dev.junction.api.runtime.Flow;
import dev.junction.api.runtime.Junction;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.delayer.ContainerReleases;
import dev.junction.impl.endpoint.EndpointRegistry;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.gateway.GatewayProxyFactory;
import dev.junction.impl.handler.support.Handlers;
import dev.junction.impl.interceptor.GlobalInterceptorRegistration;
import dev.junction.impl.interceptor.GlobalInterceptors;
import dev.junction.impl.poller.TransactionalPollAdvice;
import dev.junction.impl.scheduling.ExecutorTaskScheduler;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
import dev.junction.impl.scheduling.TaskScheduler;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.Predicate;

/**
 * The runtime of one application, and its one composition root: channels, endpoints, the scheduler and executors,
 * conversions, expressions, gateways, flows, start, the draining stop and close. Plain Java builds it through
 * {@link Junction#builder()}; the CDI extension through {@link #builder()}, handing it the container's services
 * (managed executors, the EL resolver of named beans, converter beans) — so both get the same object and defaults.
 *
 * <p>Nothing here is static: two runtimes in one JVM never share a channel. Thread-safe.
 */
public final class JunctionRuntime implements Junction {

    private static final System.Logger LOG = System.getLogger(JunctionRuntime.class.getName());

    private final GlobalInterceptors globalInterceptors = new GlobalInterceptors();
    private final ChannelRegistry channels = new ChannelRegistry(globalInterceptors::apply);
    private final ExecutorTaskScheduler scheduler;
    private final EndpointRegistry endpoints;
    private final ConversionRegistry conversions;
    private final ExpressionParser parser;
    private final Handlers handlers;
    private final Executor asyncExecutor;
    private final Function<String, ? extends Executor> executorLookup;
    private final Duration drainTimeout;
    private final TransactionManager transactionManager;
    private final Supplier<Optional<TransactionManager>> transactionManagerLookup;
    private final Supplier<Optional<ContainerReleases>> containerReleases;
    private final Map<Class<?>, Object> gateways = new ConcurrentHashMap<>();
    private final List<FlowBuilder> flows = new CopyOnWriteArrayList<>();
    private final List<Runnable> releases = new CopyOnWriteArrayList<>();
    private final Consumer<Object> eventSink;
    private final Predicate<String> roleCheck;
    private int flowsBuilt; // guarded by this: flows[0, flowsBuilt) are built
    private final Set<String> builtFlowIds = new HashSet<>(); // guarded by this
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Released when the first {@link #start()} is over, whether it started everything or failed. */
    private final CountDownLatch startDone = new CountDownLatch(1);
    private volatile Thread startingThread;

    private JunctionRuntime(Builder settings) {
        this.scheduler = settings.scheduler != null ? settings.scheduler
                : new SimpleTaskScheduler(settings.schedulerThreads);
        this.conversions = settings.conversions != null ? settings.conversions : settings.converters.build();
        this.parser = settings.parser != null ? settings.parser : ExpressionParser.standard();
        this.handlers = new Handlers(conversions, parser);
        this.endpoints = new EndpointRegistry(channels, scheduler, settings.transactions);
        SharedAsyncExecutor shared = settings.asyncExecutor == null ? new SharedAsyncExecutor() : null;
        this.asyncExecutor = shared != null ? shared : settings.asyncExecutor;
        if (shared != null) {
            releases.add(shared::close);
        }
        this.executorLookup = settings.executorLookup;
        this.drainTimeout = settings.drainTimeout;
        this.transactionManager = settings.transactionManager;
        this.transactionManagerLookup = settings.transactionManagerLookup;
        this.containerReleases = settings.containerReleases;
        this.eventSink = settings.eventSink;
        this.roleCheck = settings.roleCheck;
        settings.interceptors.forEach(globalInterceptors::register);
        if (settings.defaultPoller != null) {
            endpoints.setDefaultPoller(settings.defaultPoller);
        }
    }

    /** @return a builder with every default; the container-service settings are for integrations such as CDI */
    public static Builder builder() {
        return new Builder();
    }

    // --- the application's view (Junction) -------------------------------------------------------------------

    @Override
    public <C extends MessageChannel> C register(C channel) {
        try {
            return channels.register(channel);
        } catch (IllegalStateException duplicate) {
            throw new ConfigurationException(List.of(RuntimeRule.DUPLICATE_CHANNEL.problem(duplicate.getMessage())));
        }
    }

    @Override
    public MessageChannel channel(String name) {
        return channels.resolve(name);
    }

    @Override
    public Flow flow(String inputChannel) {
        Objects.requireNonNull(inputChannel, "inputChannel");
        if (started.get()) {
            throw new IllegalStateException(RuntimeRule.FLOW_AFTER_START.code() + " The runtime has started; declare"
                    + " the flow from '" + inputChannel + "' before start()");
        }
        channels.getOrCreateDirect(inputChannel); // gateways and other flows may name it before start
        FlowBuilder flow = new FlowBuilder(this, inputChannel);
        flows.add(flow);
        return flow;
    }

    @Override
    public Flow flow(MessageChannel input) {
        Objects.requireNonNull(input, "input");
        if (channels.find(input.getName()).orElse(null) != input) {
            register(input);
        }
        return flow(input.getName());
    }

    @Override
    public <T> T gateway(Class<T> type) {
        return type.cast(gateways.computeIfAbsent(type, t -> {
            GatewayProxyFactory.Builder<T> builder = GatewayProxyFactory.builder(type)
                    .channelResolver(channels)
                    .expressionParser(parser)
                    .conversionRegistry(conversions)
                    .defaultAsyncExecutor(asyncExecutor);
            if (executorLookup != null) {
                builder.executorLookup(executorLookup);
            }
            return builder.create();
        }));
    }

    @Override
    public Optional<Endpoint> endpoint(String id) {
        return endpoints.endpoint(id).map(Endpoint.class::cast);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the runtime is closed
     */
    @Override
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("The runtime is closed; build a new one");
        }
        if (!started.compareAndSet(false, true)) {
            awaitStartInProgress();
            if (stopped.get()) {
                throw new IllegalStateException("The runtime was stopped or failed to start; build a new one");
            }
            return;
        }
        startingThread = Thread.currentThread();
        try {
            try {
                buildFlows();
            } catch (ConfigurationException invalid) {
                stopped.set(true); // what was built stays stopped: a runtime that failed to start can only be closed
                throw invalid;
            }
            endpoints.startAll();
        } finally {
            startingThread = null;
            startDone.countDown();
        }
    }

    /**
     * A second caller of {@link #start()} returns only once the first one's start is over: a container may signal
     * the application's start on two threads at once, and the second must not send into endpoints not yet subscribed.
     * A start that calls back into itself (on its own thread) does not wait for itself.
     */
    private void awaitStartInProgress() {
        if (Thread.currentThread() == startingThread) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                startDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Builds the flows declared since the last build, reporting every problem together, without starting anything;
     * {@link #start()} builds what is left. An integration calls it to fail a deployment before the application
     * starts.
     *
     * @throws ConfigurationException listing every problem of those flows
     */
    public synchronized void buildFlows() {
        List<String> problems = new ArrayList<>();
        Set<String> claimedIds = new HashSet<>(builtFlowIds);
        List<FlowBuilder> pending = flows.subList(flowsBuilt, flows.size());
        pending.forEach(flow -> flow.build(problems, claimedIds));
        flowsBuilt = flows.size();
        builtFlowIds.addAll(claimedIds);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /**
     * Hands an event of a module built on this runtime (a TCP connection opened, for instance) to the runtime's
     * event sink: under CDI, a CDI event that application observers receive; nothing by default. A sink that throws
     * is logged; the caller goes on.
     */
    public void publishEvent(Object event) {
        Objects.requireNonNull(event, "event");
        if (eventSink == null) {
            return;
        }
        try {
            eventSink.accept(event);
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "An observer of " + event + " failed; the publisher goes on", failed);
        }
    }

    @Override
    public boolean stop() {
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            return true;
        }
        gateways.values().forEach(GatewayProxyFactory::refuseNewCalls);
        return endpoints.stopAll(drainTimeout, () -> gateways.values().stream()
                .allMatch(gateway -> GatewayProxyFactory.callsInProgress(gateway) == 0));
    }

    @Override
    public boolean isRunning() {
        return started.get() && !stopped.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop();
        gateways.values().forEach(GatewayProxyFactory::close);
        scheduler.close();
        for (Runnable release : releases) {
            try {
                release.run();
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "Releasing a resource of the runtime failed", failed);
            }
        }
    }

    // --- what integrations (the CDI extension) and the flows build on -----------------------------------------

    /** @return the named channels */
    public ChannelRegistry channels() {
        return channels;
    }

    /** @return the endpoints */
    public EndpointRegistry endpoints() {
        return endpoints;
    }

    /** @return what pollers schedule on; integrations schedule their own periodic work here too (reconnecting) */
    public TaskScheduler scheduler() {
        return scheduler;
    }

    /** @return the parser of the expressions of this runtime's flows, for integrations' expression settings */
    public ExpressionParser expressionParser() {
        return parser;
    }

    /**
     * @return the transaction manager given to {@link Builder#transactionManager(TransactionManager)}, else the one
     *         the integration's lookup finds (a container's); delayers use it to store within the caller's
     *         transaction and release in transactions of their own
     */
    public Optional<TransactionManager> transactionManager() {
        return transactionManager != null ? Optional.of(transactionManager) : transactionManagerLookup.get();
    }

    /**
     * @return how the container wants delayers to run their releases (the integration's lookup), or empty: then
     *         they demarcate through {@link #transactionManager()}; never used with a transaction manager given to
     *         {@link Builder#transactionManager(TransactionManager)}
     */
    public Optional<ContainerReleases> containerReleases() {
        return transactionManager != null ? Optional.empty() : containerReleases.get();
    }

    /** @return the payload converters, used by handler methods and gateways */
    public ConversionRegistry conversions() {
        return conversions;
    }

    /** @return the handler factory, with this runtime's conversions and expression parser */
    public Handlers handlers() {
        return handlers;
    }

    /** @return the global channel interceptors, applied to every channel registered */
    public GlobalInterceptors globalInterceptors() {
        return globalInterceptors;
    }

    /** Registers something to release on {@link #close()}, after the endpoints stopped (a bean reference). */
    public void onClose(Runnable release) {
        releases.add(Objects.requireNonNull(release, "release"));
    }

    /** @return whether the caller of the current message has a role, {@code null} when the runtime cannot tell */
    public Predicate<String> roleCheck() {
        return roleCheck;
    }

    @Override
    public String toString() {
        return "Junction[" + channels.channels().size() + " channels, gateways " + gateways.keySet() + "]";
    }

    /**
     * Settings of a runtime: the application's ({@link Junction.Builder}) and the container services an
     * integration hands over. Not thread-safe; one build per builder.
     */
    public static final class Builder implements Junction.Builder {

        private ExecutorTaskScheduler scheduler;
        private int schedulerThreads = DEFAULT_SCHEDULER_THREADS;
        private ConversionRegistry conversions;
        private final ConversionRegistry.Builder converters = ConversionRegistry.builder();
        private ExpressionParser parser;
        private Executor asyncExecutor;
        private Function<String, ? extends Executor> executorLookup;
        private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
        private TransactionManager transactionManager;
        private Supplier<Optional<TransactionManager>> transactionManagerLookup = Optional::empty;
        private Supplier<Optional<ContainerReleases>> containerReleases = Optional::empty;
        private Function<PollerMetadata.Transaction, Optional<PollAdvice>> transactions = none -> Optional.empty();
        private final List<GlobalInterceptorRegistration> interceptors = new ArrayList<>();
        private PollerMetadata defaultPoller;
        private Consumer<Object> eventSink;
        private Predicate<String> roleCheck;
        private final List<Declaration> declarations = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        @Override
        public Builder defaultPoller(PollerSpec poller) {
            try {
                defaultPoller = poller.build();
            } catch (IllegalStateException invalid) {
                problems.add(RuntimeRule.INVALID_DEFAULT_POLLER.problem("the default poller is invalid: "
                        + invalid.getMessage()));
            }
            return this;
        }

        @Override
        public Builder globalInterceptor(ChannelInterceptor interceptor, int order, String... channelPatterns) {
            Objects.requireNonNull(interceptor, "interceptor");
            String patterns = channelPatterns.length == 0 ? "*" : String.join(",", channelPatterns);
            interceptors.add(GlobalInterceptorRegistration.of(interceptor, patterns, order));
            return this;
        }

        @Override
        public <S, T> Builder converter(Class<S> source, Class<T> target,
                Converter<? super S, ? extends T> converter) {
            converters.register(source, target, converter);
            return this;
        }

        @Override
        public Builder transactionManager(TransactionManager transactionManager) {
            Objects.requireNonNull(transactionManager, "transactionManager");
            this.transactionManager = transactionManager;
            return transactions(transaction -> Optional.of(transaction.timeout() == null
                    ? TransactionalPollAdvice.of(transactionManager)
                    : TransactionalPollAdvice.of(transactionManager).withTimeout(transaction.timeout())));
        }

        /**
         * Where transactional pollers get the advice that runs a poll in a transaction: a container's transaction
         * manager, found when the first transactional poller asks; empty when there is none.
         */
        public Builder transactions(Function<PollerMetadata.Transaction, Optional<PollAdvice>> transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * Where the runtime finds a transaction manager when none was given with {@link #transactionManager}: a
         * container's, looked up when the first component (a delayer) asks.
         */
        public Builder transactionManagerLookup(Supplier<Optional<TransactionManager>> lookup) {
            this.transactionManagerLookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Where delayers find how the container wants their releases run (in a context of the application's, in
         * transactions begun through its {@code UserTransaction}); asked when a delayer is built; empty when there
         * is no container.
         */
        public Builder containerReleases(Supplier<Optional<ContainerReleases>> lookup) {
            this.containerReleases = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        @Override
        public Builder asyncExecutor(Executor executor) {
            this.asyncExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        @Override
        public Builder drainTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
                throw new IllegalArgumentException(RuntimeRule.INVALID_DRAIN_TIMEOUT.code() + " The drain timeout must"
                        + " not be negative, was " + timeout);
            }
            this.drainTimeout = timeout;
            return this;
        }

        @Override
        public Builder schedulerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException(RuntimeRule.NO_SCHEDULER_THREAD.code() + " The scheduler needs at"
                        + " least one thread, was " + threads);
            }
            this.schedulerThreads = threads;
            return this;
        }

        /**
         * Pollers schedule on this scheduler instead of Junction's own; {@link JunctionRuntime#close()} closes it
         * (a scheduler over a container's managed executor only cancels its schedules).
         */
        public Builder scheduler(ExecutorTaskScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Expressions are parsed by this parser (one resolving a container's named beans). */
        public Builder expressionParser(ExpressionParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /** The payload conversions, replacing those of {@link #converter}. */
        public Builder conversions(ConversionRegistry conversions) {
            this.conversions = Objects.requireNonNull(conversions, "conversions");
            return this;
        }

        /** Finds the executors gateway interfaces name ({@code @MessagingGateway(asyncExecutor = "...")}). */
        public Builder executorLookup(Function<String, ? extends Executor> lookup) {
            this.executorLookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Where {@link JunctionRuntime#publishEvent(Object)} hands events: a container's event bus. */
        public Builder eventSink(Consumer<Object> sink) {
            this.eventSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        @Override
        public Builder roleCheck(Predicate<String> callerInRole) {
            this.roleCheck = Objects.requireNonNull(callerInRole, "callerInRole");
            return this;
        }

        @Override
        public Builder declare(Declaration... declarations) {
            for (Declaration declaration : declarations) {
                this.declarations.add(Objects.requireNonNull(declaration, "declaration"));
            }
            return this;
        }

        @Override
        public JunctionRuntime build() {
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            JunctionRuntime runtime = new JunctionRuntime(this);
            try {
                declarations.forEach(declaration -> declaration.declare(runtime));
            } catch (RuntimeException failed) {
                runtime.close();
                throw failed;
            }
            return runtime;
        }
    }
}
