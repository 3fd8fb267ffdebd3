package dev.junction.api.message;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The immutable headers of a {@link Message}. {@link #ID} and {@link #TIMESTAMP} are always present and
 * are assigned when the headers are created; any value given for them is replaced.
 *
 * <p>Header names used by the framework are constants of this class. Any attempt to modify the map throws
 * {@link UnsupportedOperationException}.
 */
public final class MessageHeaders extends AbstractMap<String, Object> {

    /** Unique id of the message ({@link UUID}). */
    public static final String ID = "id";
    /** Creation time of the message, in milliseconds since the epoch ({@link Long}). */
    public static final String TIMESTAMP = "timestamp";
    /** Groups related messages (a request and its replies, the parts of a split). */
    public static final String CORRELATION_ID = "correlationId";
    /** Where a reply should go: a {@code MessageChannel} or a channel name. */
    public static final String REPLY_CHANNEL = "replyChannel";
    /** Where an asynchronous failure should go: a {@code MessageChannel} or a channel name. */
    public static final String ERROR_CHANNEL = "errorChannel";
    /** Position of this message within its sequence, starting at 1. */
    public static final String SEQUENCE_NUMBER = "sequenceNumber";
    /** Number of messages in the sequence this message belongs to. */
    public static final String SEQUENCE_SIZE = "sequenceSize";
    /** Priority of the message ({@link Integer}); higher goes first on a priority channel. */
    public static final String PRIORITY = "priority";
    /** {@link Boolean#TRUE} when an idempotent receiver found the message to be a duplicate. */
    public static final String DUPLICATE_MESSAGE = "duplicateMessage";
    /** Epoch milliseconds after which the message is considered expired. */
    public static final String EXPIRATION_DATE = "expirationDate";
    /** The MIME type of the payload. */
    public static final String CONTENT_TYPE = "contentType";
    /** How many times delivery of this message was attempted (set by retrying components). */
    public static final String DELIVERY_ATTEMPT = "deliveryAttempt";

    static final Map<String, Object> EMPTY_INPUT = Map.of();

    private final Map<String, Object> headers;

    /**
     * Creates headers from the given entries plus a fresh {@link #ID} and {@link #TIMESTAMP}. Entries with a
     * {@code null} value are left out.
     *
     * @param headers the header entries, may be {@code null}
     */
    public MessageHeaders(Map<String, ?> headers) {
        Map<String, Object> copy = new HashMap<>(headers == null ? 4 : (int) ((headers.size() + 2) / 0.75f) + 1);
        if (headers != null) {
            for (Map.Entry<String, ?> entry : headers.entrySet()) {
                if (entry.getValue() != null) {
                    copy.put(entry.getKey(), entry.getValue());
                }
            }
        }
        copy.put(ID, newId());
        copy.put(TIMESTAMP, System.currentTimeMillis());
        this.headers = Collections.unmodifiableMap(copy);
    }

    /**
     * Fast random (version 4) UUIDs: message ids must be unique, not unguessable, and
     * {@link UUID#randomUUID()} would put a {@code SecureRandom} on every message's path.
     */
    private static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** @return the message id */
    public UUID getId() {
        return (UUID) headers.get(ID);
    }

    /** @return the creation time in epoch milliseconds */
    public Long getTimestamp() {
        return (Long) headers.get(TIMESTAMP);
    }

    /** @return the correlation id, or {@code null} */
    public Object getCorrelationId() {
        return headers.get(CORRELATION_ID);
    }

    /** @return the reply channel (a channel or a channel name), or {@code null} */
    public Object getReplyChannel() {
        return headers.get(REPLY_CHANNEL);
    }

    /** @return the error channel (a channel or a channel name), or {@code null} */
    public Object getErrorChannel() {
        return headers.get(ERROR_CHANNEL);
    }

    /**
     * Returns a header value of the expected type.
     *
     * @param name the header name
     * @param type the expected type
     * @param <V> the expected type
     * @return the value, or {@code null} when absent
     * @throws IllegalArgumentException when the value is present but not of the expected type
     */
    public <V> V get(String name, Class<V> type) {
        Object value = headers.get(name);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Header '" + name + "' is a " + value.getClass().getName()
                    + ", not the expected " + type.getName());
        }
        return type.cast(value);
    }

    @Override
    public Object get(Object key) {
        return headers.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return headers.containsKey(key);
    }

    @Override
    public int size() {
        return headers.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return headers.entrySet();
    }

    @Override
    public Object put(String key, Object value) {
        throw immutable();
    }

    @Override
    public Object remove(Object key) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends String, ?> map) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("MessageHeaders are immutable; use MessageBuilder to derive a new message");
    }
}
