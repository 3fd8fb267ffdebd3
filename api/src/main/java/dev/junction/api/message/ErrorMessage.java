package dev.junction.api.message;

import java.util.Map;
import java.util.Optional;

/**
 * A message whose payload is the {@link Throwable} raised while handling another message. Error channels
 * carry these; {@link #getOriginalMessage()} is the message that was being handled where the failure happened,
 * when it is known.
 */
public final class ErrorMessage extends GenericMessage<Throwable> {

    private final Message<?> originalMessage;

    /**
     * @param error the failure
     * @param originalMessage the message being handled when it happened, or {@code null}
     */
    public ErrorMessage(Throwable error, Message<?> originalMessage) {
        this(error, Map.of(), originalMessage);
    }

    /**
     * @param error the failure
     * @param headers headers of the error message (for example a correlation id)
     * @param originalMessage the message being handled when it happened, or {@code null}
     */
    public ErrorMessage(Throwable error, Map<String, ?> headers, Message<?> originalMessage) {
        super(error, headers);
        this.originalMessage = originalMessage;
    }

    /** @return the message being handled when the failure happened, if known */
    public Optional<Message<?>> getOriginalMessage() {
        return Optional.ofNullable(originalMessage);
    }

    @Override
    public String toString() {
        return "ErrorMessage [payload=" + getPayload() + ", headers=" + getHeaders()
                + (originalMessage == null ? "" : ", originalMessage=" + originalMessage) + "]";
    }
}
