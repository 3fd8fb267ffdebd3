package dev.junction.api.message;

/**
 * An immutable unit of data travelling through channels: a payload and the {@link MessageHeaders} that
 * describe it.
 *
 * <p>Messages are never modified once created; use {@link MessageBuilder} to derive a new message from an
 * existing one. Accessors follow the JavaBeans naming so that Jakarta Expression Language expressions can
 * say {@code payload} and {@code headers}.
 *
 * @param <T> the payload type
 */
public interface Message<T> {

    /** @return the payload, never {@code null} */
    T getPayload();

    /** @return the headers, never {@code null}; always hold {@link MessageHeaders#ID} and {@link MessageHeaders#TIMESTAMP} */
    MessageHeaders getHeaders();

    /**
     * Creates a message with fresh headers.
     *
     * @param payload the payload, not {@code null}
     * @param <T> the payload type
     * @return a new message
     */
    static <T> Message<T> of(T payload) {
        return new GenericMessage<>(payload, MessageHeaders.adopt(MessageHeaders.EMPTY_INPUT));
    }
}
