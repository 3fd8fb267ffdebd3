package dev.junction.api.message;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

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

    /** The application's headers; never holds {@link #ID} or {@link #TIMESTAMP}, never modified. */
    private final Map<String, Object> custom;
    // id and timestamp live in fields, not in the map: creating a message is on every flow's hot path
    private final long idMostSignificant;
    private final long idLeastSignificant;
    private final long timestamp;
    private UUID id;
    private Map<String, Object> combined;

    /**
     * Creates headers from the given entries plus a fresh {@link #ID} and {@link #TIMESTAMP}. Entries with a
     * {@code null} value are left out.
     *
     * @param headers the header entries, may be {@code null}
     */
    public MessageHeaders(Map<String, ?> headers) {
        this(copyWithoutReserved(headers), true);
    }

    /** Takes ownership of a map that holds no null values and no reserved names (from {@link MessageBuilder}). */
    static MessageHeaders adopt(Map<String, Object> owned) {
        return new MessageHeaders(owned.isEmpty() ? EMPTY_INPUT : owned, true);
    }

    private MessageHeaders(Map<String, Object> owned, boolean adopted) {
        this.custom = owned;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.idMostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        this.idLeastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        this.timestamp = System.currentTimeMillis();
    }

    private MessageHeaders(Map<String, Object> owned, UUID id, long timestamp) {
        this.custom = owned;
        this.idMostSignificant = id.getMostSignificantBits();
        this.idLeastSignificant = id.getLeastSignificantBits();
        this.timestamp = timestamp;
        this.id = id;
    }

    /** Headers keeping an original id and timestamp: see {@link MessageBuilder#restore}. */
    static MessageHeaders restore(UUID id, long timestamp, Map<String, ?> headers) {
        if (id == null) {
            throw new NullPointerException("id");
        }
        return new MessageHeaders(copyWithoutReserved(headers), id, timestamp);
    }

    private static Map<String, Object> copyWithoutReserved(Map<String, ?> headers) {
        if (headers == null || headers.isEmpty()) {
            return EMPTY_INPUT;
        }
        Map<String, Object> copy = new HashMap<>((int) (headers.size() / 0.75f) + 1);
        for (Map.Entry<String, ?> entry : headers.entrySet()) {
            if (entry.getValue() != null && !isReserved(entry.getKey())) {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        return copy;
    }

    static boolean isReserved(Object name) {
        return ID.equals(name) || TIMESTAMP.equals(name);
    }

    /** @return the application's headers, without id and timestamp (read-only by contract) */
    Map<String, Object> custom() {
        return custom;
    }

    /** @return the message id */
    public UUID getId() {
        UUID current = id;
        if (current == null) {
            // a random version 4 UUID: ids must be unique, not unguessable, so no SecureRandom per message
            current = new UUID(idMostSignificant, idLeastSignificant);
            id = current; // benign race: every thread computes the same value
        }
        return current;
    }

    /** @return the creation time in epoch milliseconds */
    public Long getTimestamp() {
        return timestamp;
    }

    /** @return the correlation id, or {@code null} */
    public Object getCorrelationId() {
        return custom.get(CORRELATION_ID);
    }

    /** @return the reply channel (a channel or a channel name), or {@code null} */
    public Object getReplyChannel() {
        return custom.get(REPLY_CHANNEL);
    }

    /** @return the error channel (a channel or a channel name), or {@code null} */
    public Object getErrorChannel() {
        return custom.get(ERROR_CHANNEL);
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
        Object value = get(name);
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
        if (ID.equals(key)) {
            return getId();
        }
        return TIMESTAMP.equals(key) ? getTimestamp() : custom.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return isReserved(key) || custom.containsKey(key);
    }

    @Override
    public int size() {
        return custom.size() + 2;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return combined().entrySet();
    }

    /**
     * Iterates without building the full map: id, timestamp, then the application's headers (in no set order, as
     * for any map). Mapping headers out of every message of a flow (an HTTP reply's response headers) stays cheap.
     */
    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        Objects.requireNonNull(action, "action");
        action.accept(ID, getId());
        action.accept(TIMESTAMP, timestamp);
        custom.forEach(action);
    }

    /** The full map, id and timestamp included, built on first need (iteration, equality, printing). */
    private Map<String, Object> combined() {
        Map<String, Object> current = combined;
        if (current == null) {
            Map<String, Object> all = new HashMap<>((int) ((custom.size() + 2) / 0.75f) + 1);
            all.putAll(custom);
            all.put(ID, getId());
            all.put(TIMESTAMP, timestamp);
            current = Collections.unmodifiableMap(all);
            combined = current; // benign race: equal maps
        }
        return current;
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
