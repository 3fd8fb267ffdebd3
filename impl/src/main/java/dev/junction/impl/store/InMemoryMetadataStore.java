package dev.junction.impl.store;

import dev.junction.api.store.ConcurrentMetadataStore;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Key-value entries in a concurrent map: atomic across the threads of one JVM, lost with it. */
public final class InMemoryMetadataStore implements ConcurrentMetadataStore {

    private final ConcurrentMap<String, String> entries = new ConcurrentHashMap<>();

    @Override
    public void put(String key, String value) {
        entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public String get(String key) {
        return entries.get(key);
    }

    @Override
    public String remove(String key) {
        return entries.remove(key);
    }

    @Override
    public String putIfAbsent(String key, String value) {
        return entries.putIfAbsent(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public boolean replace(String key, String expected, String value) {
        return entries.replace(key, expected, Objects.requireNonNull(value, "value"));
    }
}
