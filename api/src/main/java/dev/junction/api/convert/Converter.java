package dev.junction.api.convert;

/**
 * Converts a payload from one type to another, for datatype channels and for handler method parameters.
 * Implementations are registered with the runtime together with their source and target types.
 *
 * @param <S> the source type
 * @param <T> the target type
 */
@FunctionalInterface
public interface Converter<S, T> {

    /**
     * @param source the value to convert, never {@code null}
     * @return the converted value, not {@code null}
     * @throws IllegalArgumentException when the value cannot be converted
     */
    T convert(S source);
}
