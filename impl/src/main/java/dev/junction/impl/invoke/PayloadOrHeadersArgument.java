package dev.junction.impl.invoke;

import dev.junction.api.message.Message;

/**
 * The lone unannotated {@code Map} parameter of a method without another payload parameter: gets the payload
 * when the payload is such a map, the headers otherwise.
 */
final class PayloadOrHeadersArgument implements ArgumentResolver {

    private final Class<?> mapType;

    PayloadOrHeadersArgument(Class<?> mapType) {
        this.mapType = mapType;
    }

    @Override
    public Object resolve(Message<?> message) {
        Object payload = message.getPayload();
        return mapType.isInstance(payload) ? payload : message.getHeaders();
    }
}
