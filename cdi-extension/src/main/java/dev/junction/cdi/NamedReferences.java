package dev.junction.cdi;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the beans an annotation attribute names by their {@code @Named} name ({@code @Poller(trigger = "...")}),
 * checking that the name resolves to exactly one bean of an accepted type. Every failure is reported to the
 * validator, naming the method, the attribute and the fix:
 * {@value DeploymentValidator#MISSING_BEAN_REFERENCE} for a name no bean has,
 * {@value DeploymentValidator#AMBIGUOUS_BEAN_REFERENCE} for a name several beans share,
 * {@value DeploymentValidator#WRONG_BEAN_REFERENCE_TYPE} for a bean of none of the accepted types.
 */
final class NamedReferences {

    private final BeanManager beanManager;
    private final BeanReferences references;
    private final DeploymentValidator validator;
    private final DiscoveredBeans discovered;

    NamedReferences(BeanManager beanManager, BeanReferences references, DeploymentValidator validator,
            DiscoveredBeans discovered) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.discovered = Objects.requireNonNull(discovered, "discovered");
        this.references = Objects.requireNonNull(references, "references");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * @param at        the method whose annotation names the bean, as problems name it
     * @param attribute how the attribute reads in problems, e.g. {@code @Poller(trigger = "fast")}
     * @param name      the bean name
     * @param accepted  the types the bean may have, preferred first; the reference is of the first it has
     * @return the bean's contextual reference, or empty when a problem was reported
     */
    Optional<Object> find(String at, String attribute, String name, List<Class<?>> accepted) {
        return find(at, attribute, name, accepted, null);
    }

    /**
     * As {@link #find(String, String, String, List)}, every problem reported with one code of the attribute's own
     * ({@code @IdempotentReceiver(store = ...)} has its own), or with the usual three when {@code code} is null.
     */
    Optional<Object> find(String at, String attribute, String name, List<Class<?>> accepted, String code) {
        String missing = code != null ? code : DeploymentValidator.MISSING_BEAN_REFERENCE;
        String severalBeans = code != null ? code : DeploymentValidator.AMBIGUOUS_BEAN_REFERENCE;
        String wrongType = code != null ? code : DeploymentValidator.WRONG_BEAN_REFERENCE_TYPE;
        String types = accepted.stream().map(Class::getName).collect(Collectors.joining(" or "));
        if (name.isBlank()) {
            validator.problem(missing, at + ": " + attribute + " is a blank bean"
                    + " name; name a @Named bean of type " + types + ", or remove the entry");
            return Optional.empty();
        }
        Set<Bean<?>> named = discovered.named(name, beanManager);
        if (named.isEmpty()) {
            validator.problem(missing, at + ": " + attribute + " names no bean;"
                    + " declare a bean @Named(\"" + name + "\") of type " + types + ", or correct the name");
            return Optional.empty();
        }
        Bean<?> bean;
        try {
            bean = beanManager.resolve(named);
        } catch (AmbiguousResolutionException ambiguous) {
            bean = null;
        }
        if (bean == null) {
            validator.problem(severalBeans, at + ": " + attribute + " matches "
                    + named.size() + " beans: " + BeanReferences.sorted(named) + "; keep one bean named \"" + name
                    + "\" (or select one with @Alternative @Priority)");
            return Optional.empty();
        }
        for (Class<?> type : accepted) {
            Optional<Type> beanType = BeanReferences.beanTypeAssignableTo(bean, type);
            if (beanType.isPresent()) {
                try {
                    return Optional.of(references.of(bean, beanType.get()));
                } catch (RuntimeException failed) {
                    validator.problem(DeploymentValidator.INVALID_POLLER, at + ": the bean " + attribute
                            + " refers to could not be created: " + failed + "; fix the bean " + bean);
                    return Optional.empty();
                }
            }
        }
        validator.problem(wrongType, at + ": " + attribute + " names " + bean
                + ", whose types " + bean.getTypes().stream().map(Type::getTypeName).sorted().toList()
                + " include no " + types + "; name a bean of that type, or make the bean one");
        return Optional.empty();
    }
}
