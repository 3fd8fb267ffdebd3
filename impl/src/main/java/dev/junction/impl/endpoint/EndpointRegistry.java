package dev.junction.impl.endpoint;

import dev.junction.api.channel.MessageChannel;
import dev.junction.api.channel.PollableChannel;
import dev.junction.api.channel.SubscribableChannel;
import dev.junction.api.handler.MessageHandler;
import dev.junction.impl.channel.AbstractSubscribableChannel;
import dev.junction.impl.channel.ChannelRegistry;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.impl.scheduling.TaskScheduler;
import dev.junction.api.source.MessageSource;
import dev.junction.impl.support.ErrorHandler;
import dev.junction.impl.support.MessagePublishingErrorHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The endpoints of one application: builds them (choosing an event-driven or a polling consumer from the input
 * channel's type), holds them by id, and starts and stops them together: event-driven consumers, then polling
 * consumers, inbound adapters last on start, the reverse on stop, so no message is produced before someone consumes
 * it.
 *
 * <p>The naming convention: {@code id} is the endpoint, {@code id.handler} its handler and {@code id.source}
 * the message source of an inbound adapter.
 */
public final class EndpointRegistry {

    private final ChannelRegistry channels;
    private final TaskScheduler scheduler;
    private final Map<String, AbstractEndpoint> endpoints = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Function<PollerMetadata.Transaction, Optional<PollAdvice>> transactions;
    private volatile PollerMetadata defaultPoller;

    /** A registry whose pollers cannot be transactional (no transaction manager). */
    public EndpointRegistry(ChannelRegistry channels, TaskScheduler scheduler) {
        this(channels, scheduler, transaction -> Optional.empty());
    }

    /**
     * @param transactions the advice that runs a poll in a transaction of the application's transaction manager,
     *                     for pollers that are {@link PollerMetadata#transaction() transactional}; empty when there
     *                     is no transaction manager
     */
    public EndpointRegistry(ChannelRegistry channels, TaskScheduler scheduler,
            Function<PollerMetadata.Transaction, Optional<PollAdvice>> transactions) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * Declares the application's default poller, used by polling endpoints that have none of their own.
     *
     * @throws IllegalStateException when a default poller is already declared
     */
    public synchronized void setDefaultPoller(PollerMetadata poller) {
        if (defaultPoller != null) {
            throw new IllegalStateException("JNC-0213 A default poller is already declared; an application has at"
                    + " most one default poller: remove the second one or give it to the endpoints that need it");
        }
        defaultPoller = Objects.requireNonNull(poller, "poller");
    }

    /** @return the default poller, if one is declared */
    public Optional<PollerMetadata> getDefaultPoller() {
        return Optional.ofNullable(defaultPoller);
    }

    /**
     * Builds and registers the consumer of a named input channel; a name nobody declared gets a direct channel.
     *
     * @param poller the endpoint's poller, or {@code null}
     */
    ConsumerEndpoint consumer(String id, String inputChannelName, MessageHandler handler, PollerMetadata poller,
            boolean autoStartup) {
        requireUnusedId(id); // before the channel is created: a refused endpoint leaves no channel behind
        return consumer(id, channels.getOrCreateDirect(inputChannelName), handler, poller, autoStartup);
    }

    /**
     * Builds and registers the consumer of a channel: an {@code EventDrivenConsumer} on a subscribable channel, a
     * {@link PollingConsumer} on a pollable one.
     *
     * @throws IllegalStateException when a subscribable channel gets a poller, or a pollable channel has no
     *         poller and there is no default poller
     */
    public ConsumerEndpoint consumer(String id, MessageChannel input, MessageHandler handler, PollerMetadata poller,
            boolean autoStartup) {
        AbstractEndpoint endpoint;
        if (input instanceof SubscribableChannel subscribable) {
            if (poller != null) {
                throw new IllegalStateException("JNC-0215 Endpoint '" + id + "' has a poller, but its input channel '"
                        + input.getName() + "' is subscribable and pushes messages itself; remove the poller or make"
                        + " the channel pollable (a queue channel)");
            }
            endpoint = new EventDrivenConsumer(id, subscribable, handler, autoStartup);
        } else if (input instanceof PollableChannel pollable) {
            PollerMetadata effective = transactional(id, pollerOrDefault(id, poller, "its input channel '"
                    + input.getName() + "' is pollable"));
            endpoint = new PollingConsumer(id, pollable, handler, effective, scheduler, errorHandlerFor(effective), autoStartup);
        } else {
            throw new IllegalStateException("JNC-0217 Endpoint '" + id + "': input channel '" + input.getName()
                    + "' is neither subscribable nor pollable (" + input.getClass().getName() + ")");
        }
        register(endpoint);
        return (ConsumerEndpoint) endpoint;
    }

    /**
     * Builds and registers an inbound channel adapter polling {@code source} into a named output channel.
     *
     * @param poller the adapter's poller, or {@code null} for the default poller
     */
    public SourcePollingChannelAdapter inboundAdapter(String id, MessageSource<?> source, String outputChannelName,
            PollerMetadata poller, Duration sendTimeout, boolean autoStartup) {
        requireUnusedId(id);
        PollerMetadata effective = transactional(id, pollerOrDefault(id, poller, "it is an inbound channel adapter"));
        SourcePollingChannelAdapter adapter = new SourcePollingChannelAdapter(id, source,
                channels.getOrCreateDirect(outputChannelName), sendTimeout, effective, scheduler,
                errorHandlerFor(effective), autoStartup);
        register(adapter);
        return adapter;
    }

    /**
     * Registers an endpoint built elsewhere (by an integration module: a TCP inbound gateway, say), to be started and
     * stopped with the others in the order of its kind: a {@link MessageProducerEndpoint} as an inbound adapter.
     *
     * @throws IllegalStateException when another endpoint has the same id
     */
    public void register(AbstractEndpoint endpoint) {
        AbstractEndpoint previous = endpoints.putIfAbsent(endpoint.getId(), endpoint);
        if (previous != null && previous != endpoint) {
            throw duplicateId(endpoint.getId(), previous + " and " + endpoint);
        }
    }

    private void requireUnusedId(String id) {
        AbstractEndpoint existing = endpoints.get(Objects.requireNonNull(id, "An endpoint needs an id"));
        if (existing != null) {
            throw duplicateId(id, existing + " and a new one");
        }
    }

    private static IllegalStateException duplicateId(String id, String which) {
        return new IllegalStateException("JNC-0214 Two endpoints have the id '" + id + "' (" + which
                + "); endpoint ids must be unique");
    }

    /**
     * Looks an endpoint or one of its parts up by those names.
     *
     * @param name {@code id}, {@code id.handler} or {@code id.source}
     */
    public Optional<Object> lookup(String name) {
        AbstractEndpoint endpoint = endpoints.get(name);
        if (endpoint != null) {
            return Optional.of(endpoint);
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        AbstractEndpoint owner = endpoints.get(name.substring(0, dot));
        String part = name.substring(dot + 1);
        if (owner instanceof ConsumerEndpoint consumer && part.equals("handler")) {
            return Optional.of(consumer.getHandler());
        }
        if (owner instanceof SourcePollingChannelAdapter adapter && part.equals("source")) {
            return Optional.of(adapter.getSource());
        }
        return Optional.empty();
    }

    /** @return the endpoint with that id */
    public Optional<AbstractEndpoint> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }

    /**
     * Starts every auto-startup endpoint: event-driven consumers first, then polling consumers, inbound adapters last.
     */
    public void startAll() {
        for (AbstractEndpoint endpoint : inStartOrder()) {
            if (endpoint.isAutoStartup()) {
                endpoint.start();
            }
        }
    }

    /** Stops every endpoint at once in the reverse order: inbound adapters first, consumers last. */
    public void stopAll() {
        List<AbstractEndpoint> order = inStartOrder();
        Collections.reverse(order);
        order.forEach(AbstractEndpoint::stop);
    }

    /**
     * Stops every endpoint, letting the messages in flight finish first: see {@link DrainingStop}.
     *
     * @param drainTimeout  the longest the whole stop waits for messages in flight
     * @param producersIdle whether the producers outside this registry (gateways) have no call in progress; they
     *                      must already refuse new calls. The registry adds the executors of its channels: a
     *                      message handed to an executor channel's executor is in flight until delivered
     * @return whether everything in flight finished within the timeout
     */
    public boolean stopAll(Duration drainTimeout, BooleanSupplier producersIdle) {
        List<AbstractEndpoint> order = inStartOrder();
        Collections.reverse(order);
        BooleanSupplier executorChannelsIdle = () -> channels.channels().stream()
                .allMatch(channel -> !(channel instanceof AbstractSubscribableChannel subscribable)
                        || subscribable.getPendingDeliveries() == 0);
        return new DrainingStop(order, drainTimeout, () -> producersIdle.getAsBoolean()
                && executorChannelsIdle.getAsBoolean()).run();
    }

    /** The endpoints by {@link EndpointKind}, in registration order within a kind. */
    private List<AbstractEndpoint> inStartOrder() {
        List<AbstractEndpoint> ordered;
        synchronized (endpoints) {
            ordered = new ArrayList<>(endpoints.values());
        }
        ordered.sort(Comparator.comparing(EndpointKind::of));   // a stable sort keeps the registration order
        return ordered;
    }

    private PollerMetadata pollerOrDefault(String id, PollerMetadata poller, String why) {
        if (poller != null) {
            return poller;
        }
        PollerMetadata fallback = defaultPoller;
        if (fallback == null) {
            throw new IllegalStateException("JNC-0216 Endpoint '" + id + "' needs a poller because " + why
                    + ", and it has none and no default poller is declared; give it a poller or declare a default"
                    + " poller");
        }
        return fallback;
    }

    /**
     * The poller with the transaction advice innermost of its chain: the application's advices run outside the
     * transaction, the receive and the flow inside it.
     */
    private PollerMetadata transactional(String id, PollerMetadata poller) {
        if (poller.transaction() == null) {
            return poller;
        }
        PollAdvice transaction = transactions.apply(poller.transaction()).orElseThrow(() -> new IllegalStateException(
                "JNC-0220 Endpoint '" + id + "' has a transactional poller, but the runtime has no transaction"
                + " manager; give it one (Junction.builder().transactionManager(...); under CDI a UserTransaction or"
                + " TransactionManager bean, or one in JNDI) or make the poller not transactional"));
        List<PollAdvice> chain = new ArrayList<>(poller.adviceChain());
        chain.add(transaction);
        return poller.withAdviceChain(chain);
    }

    private ErrorHandler errorHandlerFor(PollerMetadata poller) {
        if (poller.errorChannel() != null) {
            return new MessagePublishingErrorHandler(channels, poller.errorChannel());
        }
        if (poller.errorChannelName() != null) {
            return new MessagePublishingErrorHandler(channels, channels.resolve(poller.errorChannelName()));
        }
        return channels.errorHandler();
    }
}
