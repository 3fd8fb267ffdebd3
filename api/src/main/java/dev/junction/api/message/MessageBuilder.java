package dev.junction.api.message;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds {@link Message} instances: from a payload, or from an existing message whose payload and headers
 * (but not {@code id} and {@code timestamp}) are copied.
 *
 * <pre>{@code
 * Message<Order> m = MessageBuilder.withPayload(order).setHeader("table", 4).build();
 * Message<Order> copy = MessageBuilder.fromMessage(m).setHeader(MessageHeaders.PRIORITY, 9).build();
 * }</pre>
 *
 * @param <T> the payload type
 */
public final class MessageBuilder<T> {

    private final T payload;
    private final Message<T> original;
    /**
     * The headers so far. Copy-on-write: it starts as another message's (immutable) header map and is copied only
     * when something changes, so forwarding a message's headers to a reply costs no copy.
     */
    private Map<String, Object> headers;
    private boolean ownsHeaders;
    private boolean modified;

    private MessageBuilder(T payload, Map<String, Object> sharedHeaders, Message<T> original) {
        this.payload = Objects.requireNonNull(payload, "A message payload must not be null");
        this.headers = sharedHeaders;
        this.original = original;
    }

    private Map<String, Object> writableHeaders() {
        if (!ownsHeaders) {
            headers = HeaderMap.copyOf(headers);
            ownsHeaders = true;
        }
        return headers;
    }

    /**
     * @param payload the payload, not {@code null}
     * @param <T> the payload type
     * @return a builder for a new message with that payload
     */
    public static <T> MessageBuilder<T> withPayload(T payload) {
        return new MessageBuilder<>(payload, MessageHeaders.EMPTY_INPUT, null);
    }

    /**
     * Rebuilds a message read back from a store, keeping its original {@link MessageHeaders#ID id} and
     * {@link MessageHeaders#TIMESTAMP timestamp} so that it is the same message that was stored. Code creating
     * new messages uses {@link #withPayload(Object)} instead.
     *
     * @param payload the payload, not {@code null}
     * @param id the original id, not {@code null}
     * @param timestamp the original creation time in epoch milliseconds
     * @param headers the other headers, may be {@code null}; {@code null} values and the reserved names are left out
     * @param <T> the payload type
     * @return the message
     */
    public static <T> Message<T> restore(T payload, UUID id, long timestamp, Map<String, ?> headers) {
        return new GenericMessage<>(payload, MessageHeaders.restore(id, timestamp, headers));
    }

    /**
     * @param message the message to copy
     * @param <T> the payload type
     * @return a builder holding that message's payload and headers; {@link #build()} returns the same
     *         message when nothing was changed
     */
    public static <T> MessageBuilder<T> fromMessage(Message<T> message) {
        Objects.requireNonNull(message, "message must not be null");
        return new MessageBuilder<>(message.getPayload(), message.getHeaders().custom(), message);
    }

    /**
     * Sets a header, or removes it when {@code value} is {@code null}. {@code id} and {@code timestamp} are
     * always assigned by the new message and cannot be set.
     */
    public MessageBuilder<T> setHeader(String name, Object value) {
        Objects.requireNonNull(name, "header name must not be null");
        if (MessageHeaders.isReserved(name)) {
            return this;
        }
        if (ownsHeaders) {
            // one look-up: writing a value the map already holds changes nothing
            Object previous = value == null ? headers.remove(name) : headers.put(name, value);
            modified |= !Objects.equals(previous, value);
            return this;
        }
        if (Objects.equals(headers.get(name), value)) {
            return this; // shared headers stay shared when nothing changes
        }
        if (value == null) {
            writableHeaders().remove(name);
        } else {
            writableHeaders().put(name, value);
        }
        modified = true;
        return this;
    }

    /** Sets a header only when it is absent (or {@code null}). */
    public MessageBuilder<T> setHeaderIfAbsent(String name, Object value) {
        if (headers.get(name) == null) {
            setHeader(name, value);
        }
        return this;
    }

    /** Sets all given headers, overriding existing values. */
    public MessageBuilder<T> copyHeaders(Map<String, ?> toCopy) {
        if (toCopy instanceof MessageHeaders messageHeaders && shareable()) {
            headers = messageHeaders.custom();
            modified = true;
        } else if (toCopy != null) {
            applicationHeaders(toCopy).forEach(this::setHeader);
        }
        return this;
    }

    /** Sets the given headers that are not present yet. */
    public MessageBuilder<T> copyHeadersIfAbsent(Map<String, ?> toCopy) {
        if (toCopy instanceof MessageHeaders messageHeaders && shareable()) {
            headers = messageHeaders.custom();
            modified = true;
        } else if (toCopy != null) {
            applicationHeaders(toCopy).forEach(this::setHeaderIfAbsent);
        }
        return this;
    }

    /** A new message's builder that holds no header yet may simply share another message's headers. */
    private boolean shareable() {
        return original == null && headers.isEmpty();
    }

    /** Iterating a message's own map skips building the view with id and timestamp, which are not copied. */
    private static Map<String, ?> applicationHeaders(Map<String, ?> toCopy) {
        return toCopy instanceof MessageHeaders messageHeaders ? messageHeaders.custom() : toCopy;
    }

    /** Removes a header. */
    public MessageBuilder<T> removeHeader(String name) {
        return setHeader(name, null);
    }

    public MessageBuilder<T> setCorrelationId(Object correlationId) {
        return setHeader(MessageHeaders.CORRELATION_ID, correlationId);
    }

    public MessageBuilder<T> setReplyChannel(Object channelOrName) {
        return setHeader(MessageHeaders.REPLY_CHANNEL, channelOrName);
    }

    public MessageBuilder<T> setErrorChannel(Object channelOrName) {
        return setHeader(MessageHeaders.ERROR_CHANNEL, channelOrName);
    }

    public MessageBuilder<T> setPriority(int priority) {
        return setHeader(MessageHeaders.PRIORITY, priority);
    }

    public MessageBuilder<T> setSequenceNumber(int sequenceNumber) {
        return setHeader(MessageHeaders.SEQUENCE_NUMBER, sequenceNumber);
    }

    public MessageBuilder<T> setSequenceSize(int sequenceSize) {
        return setHeader(MessageHeaders.SEQUENCE_SIZE, sequenceSize);
    }

    /** @return the value a header currently has in this builder, or {@code null} */
    public Object getHeader(String name) {
        return headers.get(name);
    }

    /** @return the message; the original one when this builder came from a message and nothing changed */
    public Message<T> build() {
        if (original != null && !modified) {
            return original;
        }
        ownsHeaders = false; // the message now owns this map: a later change on this builder copies it first
        return new GenericMessage<>(payload, MessageHeaders.adopt(headers));
    }
}
