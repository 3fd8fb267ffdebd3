package dev.junction.cdi;

import dev.junction.api.annotation.GlobalChannelInterceptor;
import dev.junction.api.channel.ChannelInterceptor;
import dev.junction.impl.interceptor.ChannelNamePatterns;
import dev.junction.impl.interceptor.GlobalInterceptors;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the beans qualified {@link GlobalChannelInterceptor @GlobalChannelInterceptor} and registers them with the
 * runtime's {@link GlobalInterceptors}, which applies them to the channels registered before and after. Beans are
 * registered in a stable order (by bean class), so interceptors of equal order keep a reproducible place. A
 * qualified bean that is not a {@link ChannelInterceptor}, has invalid patterns or cannot be created is a
 * problem ({@value DeploymentValidator#INVALID_GLOBAL_INTERCEPTOR}).
 */
final class GlobalInterceptorBeans {

    private final BeanManager beanManager;
    private final BeanReferences references;
    private final DeploymentValidator validator;
    private final DiscoveredBeans discovered;

    GlobalInterceptorBeans(BeanManager beanManager, BeanReferences references, DeploymentValidator validator,
            DiscoveredBeans discovered) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.references = Objects.requireNonNull(references, "references");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.discovered = Objects.requireNonNull(discovered, "discovered");
    }

    /** Registers every valid global interceptor bean with {@code target}. */
    void registerWith(GlobalInterceptors target) {
        for (Bean<?> bean : BeanReferences.sorted(discovered.ofType(beanManager, Object.class,
                GlobalChannelInterceptor.Literal.INSTANCE))) {
            GlobalChannelInterceptor qualifier = qualifier(bean);
            Optional<Type> type = BeanReferences.beanTypeAssignableTo(bean, ChannelInterceptor.class);
            if (type.isEmpty()) {
                validator.problem(DeploymentValidator.INVALID_GLOBAL_INTERCEPTOR, bean + " is qualified"
                        + " @GlobalChannelInterceptor but is not a " + ChannelInterceptor.class.getName()
                        + "; implement ChannelInterceptor (or produce one), or remove the qualifier");
                continue;
            }
            ChannelNamePatterns patterns;
            try {
                patterns = ChannelNamePatterns.of(qualifier.patterns());
            } catch (IllegalArgumentException invalid) {
                validator.problem(DeploymentValidator.INVALID_GLOBAL_INTERCEPTOR, bean + ": @GlobalChannelInterceptor"
                        + "(patterns = " + Arrays.toString(qualifier.patterns()) + ") is invalid: "
                        + invalid.getMessage());
                continue;
            }
            try {
                ChannelInterceptor interceptor = (ChannelInterceptor) references.of(bean, type.get());
                target.register(new dev.junction.impl.interceptor.GlobalInterceptorRegistration(interceptor, patterns,
                        qualifier.order()));
            } catch (RuntimeException failed) {
                validator.problem(DeploymentValidator.INVALID_GLOBAL_INTERCEPTOR, "the global channel interceptor "
                        + bean + " could not be created or applied: " + failed + "; fix the bean");
            }
        }
    }

    /** @return the bean's qualifier, whose members (not binding) carry its patterns and order */
    private static GlobalChannelInterceptor qualifier(Bean<?> bean) {
        for (Annotation qualifier : bean.getQualifiers()) {
            if (qualifier instanceof GlobalChannelInterceptor global) {
                return global;
            }
        }
        return GlobalChannelInterceptor.Literal.INSTANCE; // not reached: the bean was found by this qualifier
    }
}
