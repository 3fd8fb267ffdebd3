package dev.junction.cdi;

import dev.junction.api.convert.Converter;
import dev.junction.impl.convert.ConversionRegistry;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the application's {@link ConversionRegistry} from its {@link Converter} beans, whatever their qualifiers:
 * each converts from the first to the second type argument of its {@code Converter<S, T>} bean type. A converter
 * whose type arguments are not concrete types, two converters for one pair of types, or a converter that cannot be
 * created are problems ({@value DeploymentValidator#INVALID_CONVERTER}).
 */
final class ConverterBeans {

    /** {@code Converter<?, ?>}: a raw {@code Converter} would not match beans of a parameterized converter type. */
    private static final Type ANY_CONVERTER = new TypeLiteral<Converter<?, ?>>() {
        private static final long serialVersionUID = 1L;
    }.getType();

    private final BeanManager beanManager;
    private final BeanReferences references;
    private final DeploymentValidator validator;
    private final DiscoveredBeans discovered;

    /** @param references where the converters' references come from; the caller releases them with the runtime */
    ConverterBeans(BeanManager beanManager, BeanReferences references, DeploymentValidator validator,
            DiscoveredBeans discovered) {
        this.beanManager = Objects.requireNonNull(beanManager, "beanManager");
        this.references = Objects.requireNonNull(references, "references");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.discovered = Objects.requireNonNull(discovered, "discovered");
    }

    /** @return a registry with every valid converter bean, in a stable order (by bean class) */
    ConversionRegistry registry() {
        ConversionRegistry.Builder registry = ConversionRegistry.builder();
        Map<List<Class<?>>, Bean<?>> byPair = new HashMap<>();
        for (Bean<?> bean : BeanReferences.sorted(discovered.ofType(beanManager, ANY_CONVERTER,
                Any.Literal.INSTANCE))) {
            Optional<ParameterizedType> type = converterType(bean);
            Class<?> source = type.map(t -> concrete(t.getActualTypeArguments()[0])).orElse(null);
            Class<?> target = type.map(t -> concrete(t.getActualTypeArguments()[1])).orElse(null);
            if (source == null || target == null) {
                validator.problem(DeploymentValidator.INVALID_CONVERTER, "the converter " + bean + " has the bean"
                        + " type " + type.map(Type::getTypeName).orElse("Converter") + ", which does not say what it"
                        + " converts; implement (or produce) Converter<S, T> with concrete types, e.g."
                        + " Converter<String, Order>");
                continue;
            }
            Bean<?> previous = byPair.putIfAbsent(List.of(source, target), bean);
            if (previous != null) {
                validator.problem(DeploymentValidator.INVALID_CONVERTER, "two converters from " + source.getName()
                        + " to " + target.getName() + ": " + previous + " and " + bean + "; keep one");
                continue;
            }
            try {
                register(registry, source, target, (Converter<?, ?>) references.of(bean, type.get()));
            } catch (RuntimeException failed) {
                validator.problem(DeploymentValidator.INVALID_CONVERTER, "the converter " + bean + " could not be"
                        + " created: " + failed + "; fix the bean");
            }
        }
        return registry.build();
    }

    @SuppressWarnings("unchecked")
    private static void register(ConversionRegistry.Builder registry, Class<?> source, Class<?> target,
            Converter<?, ?> converter) {
        registry.register((Class<Object>) source, (Class<Object>) target, (Converter<Object, Object>) converter);
    }

    private static Optional<ParameterizedType> converterType(Bean<?> bean) {
        return bean.getTypes().stream()
                .filter(type -> type instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == Converter.class)
                .map(ParameterizedType.class::cast)
                .findFirst();
    }

    /** @return the class of a concrete type argument (a class or parameterized type), or {@code null} */
    private static Class<?> concrete(Type argument) {
        Class<?> raw = BeanReferences.rawType(argument);
        return raw == Object.class && argument != Object.class ? null : raw;
    }
}
