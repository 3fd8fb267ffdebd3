package dev.junction.api.store;

/**
 * A {@link MetadataStore} whose conditional operations are atomic across every thread and every JVM that
 * shares the store: when two callers race on one key, exactly one of them wins.
 */
public interface ConcurrentMetadataStore extends MetadataStore {

    /**
     * Stores an entry unless the key already has one.
     *
     * @param key the key, not {@code null}
     * @param value the value, not {@code null}
     * @return {@code null} when this call stored the entry; otherwise the value already there
     */
    String putIfAbsent(String key, String value);

    /**
     * Replaces an entry only if it still has the expected value.
     *
     * @param key the key
     * @param expected the value the entry must have
     * @param value the new value
     * @return whether the entry was replaced
     */
    boolean replace(String key, String expected, String value);
}
