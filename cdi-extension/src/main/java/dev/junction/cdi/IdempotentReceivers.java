package dev.junction.cdi;

import dev.junction.api.advice.Advices;
import dev.junction.api.advice.HandlerAdvice;
import dev.junction.api.advice.IdempotentReceiverSpec;
import dev.junction.api.advice.MessageKeyStrategy;
import dev.junction.api.annotation.IdempotentReceiver;
import dev.junction.api.store.ConcurrentMetadataStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The idempotent receivers {@link IdempotentReceiver @IdempotentReceiver} declares on endpoint methods: builds the
 * advice from the annotation's attributes, the beans they name resolved, with the defaults of plain Java
 * ({@link IdempotentReceiverSpec}). The advice checks the rest (a key, valid expressions, the discard channel) when
 * the endpoint is built, with the same codes as in plain Java.
 *
 * <p>Codes: {@value #MISPLACED} for the annotation on a method that is not a service activator, transformer or filter;
 * {@value #INVALID_BEAN} for a {@code store}, {@code keyStrategy} or {@code valueStrategy} name that no bean of the
 * needed type has (or several have).
 */
final class IdempotentReceivers {

    /** {@code @IdempotentReceiver} on a method that is no endpoint able to take it. */
    static final String MISPLACED = "JNC-0946";
    /** A bean name of {@code @IdempotentReceiver} that does not resolve to one bean of the needed type. */
    static final String INVALID_BEAN = "JNC-0947";

    private final NamedReferences named;

    IdempotentReceivers(NamedReferences named) {
        this.named = Objects.requireNonNull(named, "named");
    }

    /**
     * @return the problem ({@value #MISPLACED}, without the code) of an {@code @IdempotentReceiver} on a method whose
     *         endpoints (as discovered) cannot take it, if so: it was kept by none of them
     */
    static Optional<String> misplaced(String method, List<EndpointDescriptor> endpoints) {
        if (endpoints.stream().anyMatch(endpoint -> endpoint.idempotentReceiver().isPresent()
                || endpoint.kind() instanceof EndpointKind.Conflict)) { // a conflict is reported as such
            return Optional.empty();
        }
        String what = endpoints.isEmpty() ? "no endpoint method"
                : "a " + endpoints.stream().map(endpoint -> endpoint.kind().annotation()).distinct().toList()
                        + " method";
        return Optional.of(method + " carries @IdempotentReceiver but is " + what + "; an"
                + " idempotent receiver advises the handling of a @ServiceActivator, @Transformer or @Filter method:"
                + " move the annotation to such a method (put one before a router, for instance), or remove it");
    }

    /**
     * @param endpoint an endpoint whose method carries {@code @IdempotentReceiver}
     * @return the advice the annotation declares; empty when a named bean did not resolve (reported)
     */
    Optional<HandlerAdvice> advice(EndpointDescriptor endpoint) {
        IdempotentReceiver declared = endpoint.idempotentReceiver().orElseThrow();
        String at = endpoint.describeMethod();
        IdempotentReceiverSpec spec = Advices.idempotentReceiver()
                .throwExceptionOnRejection(declared.throwExceptionOnRejection())
                .removeKeyOnFailure(declared.removeKeyOnFailure());
        if (!declared.key().isEmpty()) {
            spec.key(declared.key());
        }
        if (!declared.value().isEmpty()) {
            spec.value(declared.value());
        }
        if (!declared.discardChannel().isEmpty()) {
            spec.discardChannel(declared.discardChannel());
        }
        boolean resolved = true;
        if (!declared.store().isEmpty()) {
            Optional<Object> store = bean(at, "store", declared.store(), ConcurrentMetadataStore.class);
            store.ifPresent(found -> spec.store((ConcurrentMetadataStore) found));
            resolved = store.isPresent();
        }
        if (!declared.keyStrategy().isEmpty()) {
            Optional<Object> strategy = bean(at, "keyStrategy", declared.keyStrategy(), MessageKeyStrategy.class);
            strategy.ifPresent(found -> spec.keyStrategy((MessageKeyStrategy) found));
            resolved &= strategy.isPresent();
        }
        if (!declared.valueStrategy().isEmpty()) {
            Optional<Object> strategy = bean(at, "valueStrategy", declared.valueStrategy(), MessageKeyStrategy.class);
            strategy.ifPresent(found -> spec.valueStrategy((MessageKeyStrategy) found));
            resolved &= strategy.isPresent();
        }
        return resolved ? Optional.of(spec.build()) : Optional.empty();
    }

    private Optional<Object> bean(String at, String attribute, String name, Class<?> type) {
        return named.find(at, "@IdempotentReceiver(" + attribute + " = \"" + name + "\")", name, List.of(type),
                INVALID_BEAN);
    }
}
