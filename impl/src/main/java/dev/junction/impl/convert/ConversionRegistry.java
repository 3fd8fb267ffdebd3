package dev.junction.impl.convert;

import dev.junction.api.convert.Converter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's payload converters, looked up by source and target type. Immutable once built; lookups are
 * cached per type pair so a datatype channel pays for the search once.
 *
 * <p>A converter registered for {@code S -> T} serves any source that is an {@code S} and any requested
 * target that {@code T} is assignable to. Primitive targets are treated as their wrappers. When several
 * converters fit, the one registered first wins.
 */
public final class ConversionRegistry {

    private static final ConversionRegistry EMPTY = new ConversionRegistry(List.of());
    private static final Converter<Object, Object> NONE = value -> {
        throw new IllegalStateException("placeholder for a missing converter");
    };

    private final List<Registration> registrations;
    private final Map<Pair, Converter<Object, Object>> cache = new ConcurrentHashMap<>();

    private ConversionRegistry(List<Registration> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    /** @return a registry without converters */
    public static ConversionRegistry empty() {
        return EMPTY;
    }

    /** @return a builder for a registry */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether a value of {@code sourceType} can be turned into a {@code targetType} */
    public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
        Class<?> target = Primitives.wrap(targetType);
        return target.isAssignableFrom(sourceType) || lookup(sourceType, target) != null;
    }

    /**
     * @return the value converted to {@code targetType}, or the value itself when it already is one
     * @throws ConversionException when no converter fits or the converter fails
     */
    public <T> T convert(Object value, Class<T> targetType) {
        Objects.requireNonNull(value, "value");
        Class<?> target = Primitives.wrap(targetType);
        if (target.isInstance(value)) {
            @SuppressWarnings("unchecked")
            T same = (T) value;
            return same;
        }
        Converter<Object, Object> converter = lookup(value.getClass(), target);
        if (converter == null) {
            throw new ConversionException("No converter from " + value.getClass().getName() + " to "
                    + targetType.getName() + " is registered", null);
        }
        Object converted;
        try {
            converted = converter.convert(value);
        } catch (RuntimeException failed) {
            throw new ConversionException("Converting " + value.getClass().getName() + " to " + targetType.getName()
                    + " failed: " + failed.getMessage(), failed);
        }
        if (!target.isInstance(converted)) {
            throw new ConversionException("The converter from " + value.getClass().getName() + " to "
                    + targetType.getName() + " returned " + (converted == null ? "null" : converted.getClass().getName()), null);
        }
        @SuppressWarnings("unchecked")
        T result = (T) converted;
        return result;
    }

    private Converter<Object, Object> lookup(Class<?> sourceType, Class<?> targetType) {
        if (registrations.isEmpty()) {
            return null;
        }
        Converter<Object, Object> found = cache.computeIfAbsent(new Pair(sourceType, targetType), this::search);
        return found == NONE ? null : found;
    }

    private Converter<Object, Object> search(Pair pair) {
        for (Registration registration : registrations) {
            if (registration.source.isAssignableFrom(pair.source) && pair.target.isAssignableFrom(registration.target)) {
                return registration.converter;
            }
        }
        return NONE;
    }

    private record Pair(Class<?> source, Class<?> target) {
    }

    private record Registration(Class<?> source, Class<?> target, Converter<Object, Object> converter) {
    }

    /** Collects converters; {@link #build()} makes the immutable registry. */
    public static final class Builder {
        private final List<Registration> registrations = new ArrayList<>();

        private Builder() {
        }

        /** Registers a converter from {@code source} to {@code target}. */
        @SuppressWarnings("unchecked")
        public <S, T> Builder register(Class<S> source, Class<T> target, Converter<? super S, ? extends T> converter) {
            registrations.add(new Registration(Primitives.wrap(Objects.requireNonNull(source, "source")),
                    Primitives.wrap(Objects.requireNonNull(target, "target")),
                    (Converter<Object, Object>) Objects.requireNonNull(converter, "converter")));
            return this;
        }

        public ConversionRegistry build() {
            return registrations.isEmpty() ? EMPTY : new ConversionRegistry(registrations);
        }
    }

    /** Maps primitive types to their wrappers. */
    static final class Primitives {
        private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
                boolean.class, Boolean.class, byte.class, Byte.class, char.class, Character.class,
                short.class, Short.class, int.class, Integer.class, long.class, Long.class,
                float.class, Float.class, double.class, Double.class, void.class, Void.class);

        private Primitives() {
        }

        static Class<?> wrap(Class<?> type) {
            return type.isPrimitive() ? WRAPPERS.get(type) : type;
        }
    }
}
