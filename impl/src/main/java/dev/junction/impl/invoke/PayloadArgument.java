package dev.junction.impl.invoke;

import dev.junction.api.message.Message;

/** Passes the payload, converted to the parameter type when it is not one already. */
final class PayloadArgument implements ArgumentResolver {

    private final ArgumentConversion conversion;

    PayloadArgument(ArgumentConversion conversion) {
        this.conversion = conversion;
    }

    @Override
    public Object resolve(Message<?> message) {
        return conversion.convert(message.getPayload(), "the payload", message);
    }
}
