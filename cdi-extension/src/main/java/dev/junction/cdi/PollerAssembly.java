package dev.junction.cdi;

import dev.junction.api.annotation.DefaultPoller;
import dev.junction.api.annotation.Poller;
import dev.junction.api.poller.PollAdvice;
import dev.junction.api.poller.PollerMetadata;
import dev.junction.api.poller.PollerSpec;
import dev.junction.api.poller.ReceiveMessageAdvice;
import jakarta.enterprise.concurrent.Trigger;
import jakarta.enterprise.concurrent.ZonedTrigger;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Builds the pollers of one deployment: each endpoint's {@link Poller @Poller}, with the trigger, task executor and
 * advice beans it names, and the application's {@link DefaultPoller @DefaultPoller} bean. Every poll runs in a
 * request context of its own (the outermost advice), then the named advices, then the transaction of a
 * transactional poller (the innermost, around receive and handling only). Problems go to the validator.
 */
final class PollerAssembly {

    /** Stands in for a trigger bean that could not be resolved, so that only the other settings are checked. */
    private static final ZonedTrigger UNRESOLVED_TRIGGER = (lastExecution, scheduledTime) -> null;

    private final BeanManager beanManager;
    private final BeanReferences references;
    private final NamedReferences named;
    private final DeploymentValidator validator;
    private final PollAdvice requestContext;
    private final TransactionLookup transactions;
    private final DiscoveredBeans discovered;

    /**
     * @param requestContext     the advice activating a request context around each poll
     * @param transactions       how transactional pollers demarcate their transactions
     */
    PollerAssembly(BeanManager beanManager, BeanReferences references, DeploymentValidator validator,
            PollAdvice requestContext, TransactionLookup transactions, DiscoveredBeans discovered) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.references = Objects.requireNonNull(references, "references");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.named = new NamedReferences(beanManager, references, validator, discovered);
        this.discovered = Objects.requireNonNull(discovered, "discovered");
        this.requestContext = Objects.requireNonNull(requestContext, "requestContext");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * The poller of an endpoint method that has a {@code @Poller}.
     *
     * @return the poller, or empty when a problem was reported: conflicting or invalid settings
     *         ({@value DeploymentValidator#INVALID_POLLER}), a named bean missing, ambiguous or of the wrong type,
     *         {@code transactional = true} without a transaction manager
     *         ({@value DeploymentValidator#NO_TRANSACTION_MANAGER})
     */
    Optional<PollerMetadata> forEndpoint(EndpointDescriptor endpoint) {
        Poller poller = endpoint.poller().orElseThrow();
        String at = endpoint.describeMethod();
        PollerSpec spec = PollerSpec.forOwner(endpoint.id());
        timing(poller, spec);
        boolean resolved = true;
        if (!poller.trigger().isEmpty()) {
            Optional<ZonedTrigger> trigger = named.find(at, "@Poller(trigger = \"" + poller.trigger() + "\")",
                    poller.trigger(), List.of(ZonedTrigger.class, Trigger.class))
                    .map(bean -> ZonedTriggerAdapter.of((Trigger) bean));
            spec.withTrigger(trigger.orElse(UNRESOLVED_TRIGGER));
            resolved &= trigger.isPresent();
        }
        if (!poller.taskExecutor().isEmpty()) {
            Optional<Object> executor = named.find(at, "@Poller(taskExecutor = \"" + poller.taskExecutor() + "\")",
                    poller.taskExecutor(), List.of(Executor.class));
            executor.ifPresent(found -> spec.taskExecutor((Executor) found));
            resolved &= executor.isPresent();
        }
        List<PollAdvice> advices = new ArrayList<>();
        advices.add(requestContext);
        resolved &= namedAdvices(at, poller, advices, spec);
        if (poller.transactional()) {
            resolved &= transaction(endpoint).map(advices::add).isPresent();
        }
        spec.advice(advices.toArray(PollAdvice[]::new));
        try {
            PollerMetadata built = spec.build();
            return resolved ? Optional.of(built) : Optional.empty();
        } catch (IllegalStateException invalid) {
            validator.problem(DeploymentValidator.INVALID_POLLER, at + ": " + invalid.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The application's default poller: the one {@code @DefaultPoller} bean of type {@link PollerMetadata}, with a
     * request context around each poll. Two of them ({@value DeploymentValidator#DUPLICATE_DEFAULT_POLLER}), a
     * {@code @DefaultPoller} bean of another type or one that cannot be created
     * ({@value DeploymentValidator#INVALID_DEFAULT_POLLER}) are problems.
     *
     * @return the default poller, or empty when there is none or a problem was reported
     */
    Optional<PollerMetadata> defaultPoller() {
        List<Bean<?>> pollers = new ArrayList<>();
        for (Bean<?> bean : BeanReferences.sorted(discovered.ofType(beanManager, Object.class,
                DefaultPoller.Literal.INSTANCE))) {
            if (BeanReferences.beanTypeAssignableTo(bean, PollerMetadata.class).isPresent()) {
                pollers.add(bean);
            } else {
                validator.problem(DeploymentValidator.INVALID_DEFAULT_POLLER, bean + " is qualified @DefaultPoller but"
                        + " is not a " + PollerMetadata.class.getName() + "; produce the default poller as a"
                        + " PollerMetadata (PollerSpec...build()), or remove the qualifier");
            }
        }
        if (pollers.size() > 1) {
            validator.problem(DeploymentValidator.DUPLICATE_DEFAULT_POLLER, "the application declares "
                    + pollers.size() + " default pollers: " + pollers + "; keep one @DefaultPoller bean and give the"
                    + " endpoints that need another poller a @Poller of their own");
            return Optional.empty();
        }
        if (pollers.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean = pollers.get(0);
        try {
            PollerMetadata declared = (PollerMetadata) references.of(bean, PollerMetadata.class);
            return Optional.of(withRequestContext(declared));
        } catch (RuntimeException failed) {
            validator.problem(DeploymentValidator.INVALID_DEFAULT_POLLER, "the default poller " + bean + " could not"
                    + " be created: " + failed + "; fix its producer");
            return Optional.empty();
        }
    }

    /** Adds the named advices, each where its type says; reports every unresolvable name. */
    private boolean namedAdvices(String at, Poller poller, List<PollAdvice> advices, PollerSpec spec) {
        boolean resolved = true;
        for (String name : poller.adviceChain()) {
            Optional<Object> advice = named.find(at, "@Poller(adviceChain = \"" + name + "\")", name,
                    List.of(PollAdvice.class, ReceiveMessageAdvice.class));
            if (advice.isEmpty()) {
                resolved = false;
                continue;
            }
            if (advice.get() instanceof PollAdvice around) {
                advices.add(around);
            }
            if (advice.get() instanceof ReceiveMessageAdvice receive) {
                spec.receiveAdvice(receive);
            }
        }
        return resolved;
    }

    private Optional<PollAdvice> transaction(EndpointDescriptor endpoint) {
        Optional<PollAdvice> advice = transactions.find().map(PollAdvice.class::cast);
        if (advice.isEmpty()) {
            validator.problem(DeploymentValidator.NO_TRANSACTION_MANAGER, endpoint.describeMethod()
                    + " has @Poller(transactional = true), but " + transactions.whyNotFound()
                    + "; deploy to a Jakarta EE server, or in Java SE add a JTA implementation with CDI"
                    + " integration (e.g. org.jboss.narayana.jta:cdi) or produce one jakarta.transaction"
                    + ".UserTransaction or TransactionManager bean; or remove transactional = true");
        }
        return advice;
    }

    /** The request context goes around the application's own advices, so they may use request-scoped beans. */
    private PollerMetadata withRequestContext(PollerMetadata poller) {
        List<PollAdvice> advices = new ArrayList<>(poller.adviceChain().size() + 1);
        advices.add(requestContext);
        advices.addAll(poller.adviceChain());
        return poller.withAdviceChain(advices);
    }

    /** Copies the time and size attributes of the annotation to the spec, which checks them when it is built. */
    private static void timing(Poller poller, PollerSpec spec) {
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
    }
}
