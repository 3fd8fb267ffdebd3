package dev.junction.api.advice;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import java.util.Map;
import java.util.Objects;

/**
 * The message an advice sends about the message it advised, such as the success expression's value of an
 * expression advice: its payload is what the advice computed, its headers are the advised message's, and the
 * advised message itself travels along.
 *
 * @param <T> the payload's type
 */
public final class AdviceMessage<T> implements Message<T> {

    private final T payload;
    private final MessageHeaders headers;
    private final Message<?> inputMessage;

    /**
     * @param payload      what the advice computed
     * @param headers      the headers (the advised message's, typically; a new id and timestamp are given)
     * @param inputMessage the advised message
     */
    public AdviceMessage(T payload, Map<String, ?> headers, Message<?> inputMessage) {
        this.payload = Objects.requireNonNull(payload, "A message payload must not be null");
        this.headers = new MessageHeaders(headers);
        this.inputMessage = Objects.requireNonNull(inputMessage, "inputMessage");
    }

    @Override
    public T getPayload() {
        return payload;
    }

    @Override
    public MessageHeaders getHeaders() {
        return headers;
    }

    /** @return the message the advice advised */
    public Message<?> getInputMessage() {
        return inputMessage;
    }

    @Override
    public String toString() {
        return "AdviceMessage [payload=" + payload + ", headers=" + headers + ", inputMessage=" + inputMessage + "]";
    }
}
