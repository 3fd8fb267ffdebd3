package dev.junction.api.runtime;

import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.api.channel.MessageChannel;
import dev.junction.api.convert.Converter;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.spi.JunctionProvider;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * One application's messaging: its channels, flows and endpoints, gateways, and the threads pollers and
 * asynchronous gateways run on. In plain Java an application builds one; under CDI the extension builds it from
 * what it discovers and it can be injected. Both ways give the same object with the same defaults.
 *
 * <pre>{@code
 * try (Junction junction = Junction.create()) {
 *     junction.flow("orders").route("payload.hot ? 'hotDrinks' : 'coldDrinks'");
 *     junction.flow(MessageChannels.queue("hotDrinks", 10))
 *             .poll(PollerSpec.fixedDelay(Duration.ofMillis(10))).handle(new Barista());
 *     Cafe cafe = junction.gateway(Cafe.class);
 *     junction.start();
 *     cafe.placeOrder(new Order("latte", true));
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> Declare channels, flows and gateways, then {@link #start()}: it builds every flow, reports
 * every configuration problem together, and starts the endpoints (event-driven consumers first, then polling
 * consumers, inbound adapters last, so nothing is sent before its receiver runs). {@link #stop()} stops without
 * losing what is in flight; {@link #close()} stops and releases the threads and gateways. Thread-safe.
 */
public interface Junction extends AutoCloseable {

    /**
     * How long {@link #stop()} waits by default for the messages in flight (gateway calls in progress, queued
     * messages, messages being handled) before it stops the endpoints anyway: 10 s.
     */
    Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The threads of Junction's own scheduler, where pollers run when no container lends its managed scheduled
     * executor: 10. A poll waiting on a receive timeout holds its thread, so a pool sized by the CPUs would starve a
     * handful of pollers.
     */
    int DEFAULT_SCHEDULER_THREADS = 10;

    /** @return a runtime with every default, not started */
    static Junction create() {
        return builder().build();
    }

    /** @return a builder of a runtime, from the implementation on the class path */
    static Builder builder() {
        return JunctionProvider.find().builder();
    }

    /**
     * Declares a channel under its name.
     *
     * @return the channel
     * @throws dev.junction.api.error.ConfigurationException when another channel has that name
     */
    <C extends MessageChannel> C register(C channel);

    /**
     * @return the channel of that name
     * @throws dev.junction.api.error.DestinationResolutionException when there is none
     */
    MessageChannel channel(String name);

    /**
     * Starts declaring a flow that consumes from the named channel (created as a direct channel when nobody
     * declared it).
     *
     * @throws IllegalStateException when the runtime has started
     */
    Flow flow(String inputChannel);

    /**
     * Registers the channel (when the runtime does not know it yet) and starts declaring a flow that consumes from
     * it: {@code junction.flow(MessageChannels.queue("hotDrinks", 10)).poll(...).handle(barista)}.
     *
     * @throws dev.junction.api.error.ConfigurationException when another channel has its name
     * @throws IllegalStateException when the runtime has started
     */
    Flow flow(MessageChannel input);

    /**
     * @return the one gateway proxy of that interface, created on first use against this runtime's channels
     * @throws dev.junction.api.error.ConfigurationException listing every problem of the interface
     */
    <T> T gateway(Class<T> type);

    /** @return the endpoint of that id, once the flows are built (after {@link #start()}) */
    Optional<Endpoint> endpoint(String id);

    /**
     * Builds the declared flows and starts every auto-startup endpoint; only the first call does anything.
     *
     * @throws dev.junction.api.error.ConfigurationException listing every problem of every flow; nothing starts
     */
    void start();

    /**
     * Stops without losing what is in flight: gateways refuse new calls (a {@code MessagingException} with code
     * {@code JNC-0424}), inbound adapters stop, then it waits up to the drain timeout for gateway calls in
     * progress, queued messages and messages being handled, and stops the consumers, event-driven ones last.
     *
     * @return whether everything in flight finished before the endpoints stopped
     */
    boolean stop();

    /** @return whether the runtime was started and not yet stopped */
    boolean isRunning();

    /** Stops, closes the gateways and shuts down the threads the runtime created. Idempotent. */
    @Override
    void close();

    /** Settings of a runtime; every one has a default. */
    interface Builder {

        /** The poller of polling endpoints that have none of their own. */
        Builder defaultPoller(PollerSpec poller);

        /**
         * Adds an interceptor to every channel whose name a pattern selects ({@code *} any run of characters, a
         * leading {@code !} excludes), declared or created, at its order's place (negative: before the channel's
         * own interceptors).
         */
        Builder globalInterceptor(ChannelInterceptor interceptor, int order, String... channelPatterns);

        /** Converts payloads of the source type for handler parameters and gateway replies that want the target. */
        <S, T> Builder converter(Class<S> source, Class<T> target, Converter<? super S, ? extends T> converter);

        /**
         * The JTA transaction manager of transactional pollers ({@link PollerSpec#transactional()}); without one,
         * a transactional poller is a configuration error.
         */
        Builder transactionManager(TransactionManager transactionManager);

        /** Runs asynchronous gateway methods on this executor (its owner shuts it down). */
        Builder asyncExecutor(Executor executor);

        /** How long {@link Junction#stop()} waits for messages in flight; {@link #DEFAULT_DRAIN_TIMEOUT} by default. */
        Builder drainTimeout(Duration timeout);

        /** The threads of Junction's own scheduler; {@link #DEFAULT_SCHEDULER_THREADS} by default. */
        Builder schedulerThreads(int threads);

        /**
         * How the runtime asks whether the caller of the current message has a role: control buses without a role
         * check of their own use it. None by default, so an operation that needs a role is refused; under CDI in a
         * server, the container's caller on the thread that executes the command (an enterprise bean's
         * {@code EJBContext}, else Jakarta Security's {@code SecurityContext}).
         */
        Builder roleCheck(Predicate<String> callerInRole);

        /**
         * Declarations {@link #build()} calls on the new runtime, in this order, after every setting is applied and
         * before it returns the runtime.
         */
        Builder declare(Declaration... declarations);

        /**
         * @return a runtime with these settings and declarations, not started
         * @throws dev.junction.api.error.ConfigurationException listing every problem of the settings, or the one a
         *         declaration threw (the runtime is closed then)
         */
        Junction build();
    }
}
