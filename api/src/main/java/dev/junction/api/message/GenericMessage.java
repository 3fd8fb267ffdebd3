package dev.junction.api.message;

import java.util.Map;
import java.util.Objects;

/** The standard {@link Message}: a payload and its headers, both fixed at construction. */
class GenericMessage<T> implements Message<T> {

    private final T payload;
    private final MessageHeaders headers;

    GenericMessage(T payload, Map<String, ?> headers) {
        this(payload, new MessageHeaders(headers));
    }

    GenericMessage(T payload, MessageHeaders headers) {
        this.payload = Objects.requireNonNull(payload, "A message payload must not be null");
        this.headers = headers;
    }

    @Override
    public T getPayload() {
        return payload;
    }

    @Override
    public MessageHeaders getHeaders() {
        return headers;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof GenericMessage<?> that
                && getClass() == that.getClass()
                && payload.equals(that.payload)
                && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return 31 * payload.hashCode() + headers.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " [payload=" + payload + ", headers=" + headers + "]";
    }
}
