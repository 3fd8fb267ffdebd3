package dev.junction.api.store;

/**
 * Keeps small string entries by key (what a receiver has seen, where an adapter stopped reading).
 */
public interface MetadataStore {

    /**
     * Stores or replaces an entry.
     *
     * @param key the key, not {@code null}
     * @param value the value, not {@code null}
     */
    void put(String key, String value);

    /**
     * @param key the key
     * @return the value, or {@code null} when there is no entry
     */
    String get(String key);

    /**
     * Removes an entry.
     *
     * @param key the key
     * @return the value it had, or {@code null} when there was no entry
     */
    String remove(String key);
}
