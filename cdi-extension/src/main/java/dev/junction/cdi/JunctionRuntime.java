package dev.junction.cdi;

import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.endpoint.EndpointRegistry;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.gateway.GatewayProxyFactory;
import dev.junction.impl.handler.support.Handlers;
import dev.junction.impl.interceptor.GlobalInterceptors;
import dev.junction.impl.scheduling.TaskScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Junction runtime of one CDI container: its channels, endpoints, scheduler, handler factory and gateway
 * proxies. The extension creates one per container (nothing is static, so two containers in one JVM never share
 * a channel), exposes it as a bean, and starts and stops it with the application.
 *
 * <p>Start and stop happen at most once each; {@link #close()} stops, releases the gateways and dependent
 * references, and shuts the scheduler down (Junction's own; a container's managed executor is only left). Thread-safe.
 */
public final class JunctionRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JunctionRuntime.class.getName());

    /**
     * How long stopping waits for the messages in flight (gateway calls in progress, queued messages, messages
     * being handled) before it stops the endpoints anyway.
     */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final GlobalInterceptors globalInterceptors = new GlobalInterceptors();
    private final ChannelRegistry channels = new ChannelRegistry(globalInterceptors::apply);
    private final RuntimeExecutors executors;
    private final EndpointRegistry endpoints;
    private final ConversionRegistry conversions;
    private final ExpressionParser parser;
    private final Handlers handlers;
    private final Map<Class<?>, Object> gateways = new ConcurrentHashMap<>();
    private final List<Runnable> releases = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A runtime on Junction's own scheduler, as in Java SE. */
    public JunctionRuntime(ExpressionParser parser) {
        this(parser, RuntimeExecutors.own(), ConversionRegistry.empty());
    }

    /**
     * @param parser    parses expressions; in a container it resolves {@code @Named} beans
     * @param executors where pollers and asynchronous gateways run
     * @param conversions the application's payload converters (its {@code Converter} beans)
     */
    JunctionRuntime(ExpressionParser parser, RuntimeExecutors executors, ConversionRegistry conversions) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.conversions = Objects.requireNonNull(conversions, "conversions");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.endpoints = new EndpointRegistry(channels, executors.scheduler());
        this.handlers = new Handlers(conversions, parser);
    }

    /** @return the named channels of this application */
    public ChannelRegistry channels() {
        return channels;
    }

    /** @return the endpoints of this application */
    public EndpointRegistry endpoints() {
        return endpoints;
    }

    /** @return the scheduler pollers run on: the container's managed scheduled executor, or Junction's own */
    public TaskScheduler scheduler() {
        return executors.scheduler();
    }

    /** @return the application's payload converters, used by handler methods and gateways */
    public ConversionRegistry conversions() {
        return conversions;
    }

    /** @return the handler factory, with this application's conversions and expression parser */
    public Handlers handlers() {
        return handlers;
    }

    /** @return the global channel interceptors, applied to every channel registered */
    public GlobalInterceptors globalInterceptors() {
        return globalInterceptors;
    }

    /**
     * @return the one gateway proxy of that interface, created on first use against this runtime's channels
     * @throws dev.junction.impl.gateway.InvalidGatewayException when the interface is invalid
     */
    public <T> T gateway(Class<T> type) {
        return type.cast(gateways.computeIfAbsent(type, t -> {
            GatewayProxyFactory.Builder<T> builder = GatewayProxyFactory.builder(type)
                    .channelResolver(channels)
                    .expressionParser(parser)
                    .conversionRegistry(conversions);
            if (executors.asyncGateway() != null) {
                builder.asyncExecutor(executors.asyncGateway());
            }
            return builder.create();
        }));
    }

    /** Registers something to release on {@link #close()} (a dependent reference's creational context). */
    void onClose(Runnable release) {
        releases.add(release);
    }

    /** Starts every auto-startup endpoint, consumers before inbound adapters; only the first call does anything. */
    public void start() {
        if (!closed.get() && started.compareAndSet(false, true)) {
            endpoints.startAll();
        }
    }

    /**
     * Stops the application's messaging without losing what is in flight: gateways refuse new calls (with a
     * {@code JNC-0424} {@code MessagingException}), inbound adapters stop, then the stop waits up to
     * {@link #DEFAULT_DRAIN_TIMEOUT} for gateway calls in progress, queued messages and messages being handled
     * before it stops the consumers, event-driven ones last. Only the first call after {@link #start()} does
     * anything.
     *
     * @return whether everything in flight finished before the endpoints stopped
     */
    public boolean stop() {
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            return true;
        }
        gateways.values().forEach(GatewayProxyFactory::refuseNewCalls);
        return endpoints.stopAll(DEFAULT_DRAIN_TIMEOUT, () -> gateways.values().stream()
                .allMatch(gateway -> GatewayProxyFactory.callsInProgress(gateway) == 0));
    }

    /** @return whether the endpoints were started and not yet stopped */
    public boolean isRunning() {
        return started.get() && !stopped.get();
    }

    /** Stops, closes the gateways, releases dependent references and shuts the scheduler down. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop();
        gateways.values().forEach(GatewayProxyFactory::close);
        for (Runnable release : releases) {
            try {
                release.run();
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "Releasing a bean reference failed", failed);
            }
        }
        executors.close();
    }

    @Override
    public String toString() {
        return "JunctionRuntime[" + channels.channels().size() + " channels, gateways " + gateways.keySet() + "]";
    }
}
