package dev.junction.impl.invoke;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.impl.convert.ConversionException;
import dev.junction.impl.convert.ConversionRegistry;
import java.lang.invoke.MethodType;

/**
 * Turns a payload or header value into the type of one parameter: as it is when it already fits, otherwise
 * through the {@link ConversionRegistry}. Failures name the value, both types and the parameter.
 */
final class ArgumentConversion {

    private final Class<?> targetType;
    private final boolean anything;
    private final ConversionRegistry registry;
    private final String parameter;

    /**
     * @param targetType the parameter type (primitives allowed)
     * @param parameter  the parameter as error messages name it
     */
    ArgumentConversion(Class<?> targetType, ConversionRegistry registry, String parameter) {
        this.targetType = MethodType.methodType(targetType).wrap().returnType();
        this.anything = targetType == Object.class;
        this.registry = registry;
        this.parameter = parameter;
    }

    /**
     * @param value non-null
     * @param what  what the value is, for messages: {@code "the payload"}, {@code "header 'x'"}
     */
    Object convert(Object value, String what, Message<?> message) {
        if (anything || targetType.isInstance(value)) {
            return value;
        }
        Class<?> sourceType = value.getClass();
        if (!registry.canConvert(sourceType, targetType)) {
            throw new MessageHandlingException(message, "Cannot pass " + what + " (" + sourceType.getName() + ") as "
                    + parameter + ", which takes " + targetType.getName() + ": no converter from "
                    + sourceType.getName() + " to " + targetType.getName() + " is registered. Register one"
                    + " (ConversionRegistry.builder().register(" + sourceType.getSimpleName() + ".class, "
                    + targetType.getSimpleName() + ".class, ...)) or change the parameter type."
                    + Messages.identify(message));
        }
        try {
            return registry.convert(value, targetType);
        } catch (ConversionException failed) {
            throw new MessageHandlingException(message, "Cannot pass " + what + " as " + parameter + ": "
                    + failed.getMessage() + Messages.identify(message), failed);
        }
    }
}
