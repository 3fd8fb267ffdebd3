package dev.junction.cdi;

import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.impl.convert.ConversionRegistry;
import dev.junction.impl.endpoint.EndpointRegistry;
import dev.junction.impl.expression.ExpressionParser;
import dev.junction.impl.gateway.GatewayProxyFactory;
import dev.junction.impl.handler.support.Handlers;
import dev.junction.impl.interceptor.GlobalInterceptors;
import dev.junction.impl.scheduling.SimpleTaskScheduler;
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
 * references, and shuts the scheduler down. Thread-safe.
 */
public final class JunctionRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JunctionRuntime.class.getName());

    private final GlobalInterceptors globalInterceptors = new GlobalInterceptors();
    private final ChannelRegistry channels = new ChannelRegistry(globalInterceptors::apply);
    /**
     * Each poll waiting in a receive holds a scheduler thread for up to its receive timeout, so a handful of
     * pollers would starve a pool sized by CPUs; as many threads as Spring's default scheduler.
     */
    static final int SCHEDULER_THREADS = 10;

    private final SimpleTaskScheduler scheduler = new SimpleTaskScheduler(SCHEDULER_THREADS);
    private final EndpointRegistry endpoints = new EndpointRegistry(channels, scheduler);
    private final ConversionRegistry conversions = ConversionRegistry.empty();
    private final ExpressionParser parser;
    private final Handlers handlers;
    private final Map<Class<?>, Object> gateways = new ConcurrentHashMap<>();
    private final List<Runnable> releases = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param parser parses expressions; in a container it resolves {@code @Named} beans */
    public JunctionRuntime(ExpressionParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
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

    /** @return the scheduler pollers run on */
    public SimpleTaskScheduler scheduler() {
        return scheduler;
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
        return type.cast(gateways.computeIfAbsent(type, t -> GatewayProxyFactory.builder(type)
                .channelResolver(channels)
                .expressionParser(parser)
                .conversionRegistry(conversions)
                .create()));
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

    /** Stops every endpoint in reverse start order; only the first call after {@link #start()} does anything. */
    public void stop() {
        if (started.get() && stopped.compareAndSet(false, true)) {
            endpoints.stopAll();
        }
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
        scheduler.close();
    }

    @Override
    public String toString() {
        return "JunctionRuntime[" + channels.channels().size() + " channels, gateways " + gateways.keySet() + "]";
    }
}
