package dev.junction.impl.channel;

import dev.junction.api.error.MessageDeliveryException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.impl.convert.ConversionException;
import dev.junction.impl.convert.ConversionRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps a datatype channel's payloads to the accepted types, converting when a converter fits. */
final class DatatypeGuard {

    private final Class<?>[] accepted;
    private final ConversionRegistry conversion;

    private DatatypeGuard(List<Class<?>> accepted, ConversionRegistry conversion) {
        this.accepted = accepted.toArray(Class<?>[]::new);
        this.conversion = conversion;
    }

    /** @return a guard, or {@code null} when the channel accepts every type */
    static DatatypeGuard of(List<Class<?>> accepted, ConversionRegistry conversion) {
        return accepted.isEmpty() ? null : new DatatypeGuard(accepted, conversion);
    }

    Message<?> admit(Message<?> message, String channelName) {
        Object payload = message.getPayload();
        for (Class<?> type : accepted) {
            if (type.isInstance(payload)) {
                return message;
            }
        }
        for (Class<?> type : accepted) {
            if (conversion.canConvert(payload.getClass(), type)) {
                try {
                    return MessageBuilder.withPayload(conversion.convert(payload, type))
                            .copyHeaders(message.getHeaders()).build();
                } catch (ConversionException failed) {
                    throw new MessageDeliveryException(message, "Channel '" + channelName + "' could not convert the "
                            + payload.getClass().getName() + " payload to " + type.getName() + ": " + failed.getMessage(), failed);
                }
            }
        }
        throw new MessageDeliveryException(message, "Channel '" + channelName
                + "' expected one of the datatypes " + describe() + " but received [" + payload.getClass().getName()
                + "]; register a converter for it or send an accepted type");
    }

    private String describe() {
        return Arrays.stream(accepted).map(Class::getName).collect(Collectors.joining(", ", "[", "]"));
    }
}
