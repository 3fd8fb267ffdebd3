package dev.junction.api.message;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The application headers a {@link MessageBuilder} writes: names and values side by side in one array, found by a
 * scan. A message carries a handful of headers, and a builder copies the headers it starts from before its first
 * change (a reply channel, a connection's headers): copying one short array costs a fraction of a hash map's table
 * and node per entry, and scanning a few names is as quick as hashing one. Past {@link #MOST_SCANNED} entries the
 * map keeps its entries in a {@link HashMap} instead, so that a message with many headers is not scanned for each.
 *
 * <p>Written only by the builder that made it, until a message adopts it; read-only from then on (its views do not
 * write). Names are never {@code null}, values never {@code null}, as {@link MessageHeaders} requires.
 */
final class HeaderMap extends AbstractMap<String, Object> {

    /** The most entries kept in the array; a map that grows past it keeps them hashed. */
    static final int MOST_SCANNED = 16;

    /** Room for this many entries at first: a copy has room for a few more than it holds. */
    private static final int FIRST_ROOM = 8;

    private Object[] slots; // name at 2i, value at 2i + 1, for i < size; null once large
    private int size;
    private HashMap<String, Object> large; // every entry, once the map grew past MOST_SCANNED

    private HeaderMap(Object[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    /**
     * @param source headers without {@code null} values or reserved names, such as a message's own
     * @return a copy to write
     */
    static Map<String, Object> copyOf(Map<String, Object> source) {
        if (source instanceof HeaderMap headers && headers.large == null) {
            int room = Math.max(FIRST_ROOM, headers.size + 2);
            return new HeaderMap(Arrays.copyOf(headers.slots, Math.max(headers.slots.length, 2 * room)),
                    headers.size);
        }
        int count = source.size();
        if (count > MOST_SCANNED) {
            return new HashMap<>(source);
        }
        HeaderMap copy = new HeaderMap(new Object[2 * Math.max(FIRST_ROOM, count + 2)], 0);
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            copy.add(entry.getKey(), entry.getValue());
        }
        return copy;
    }

    private int indexOf(Object name) {
        Object[] current = slots;
        int end = 2 * size;
        if (!(name instanceof String text)) {
            return -1;
        }
        // Names are mostly the same constants, so the very object is tried first; otherwise the hashes (a string
        // keeps its own) before the characters, so that a name not there costs no character compared. One pass:
        // a name not there is the common case when headers are merged.
        int hash = text.hashCode();
        for (int i = 0; i < end; i += 2) {
            Object each = current[i];
            if (each == name || each.hashCode() == hash && each.equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private void add(String name, Object value) {
        if (2 * size == slots.length) {
            slots = Arrays.copyOf(slots, 2 * slots.length);
        }
        slots[2 * size] = name;
        slots[2 * size + 1] = value;
        size++;
    }

    @Override
    public Object get(Object name) {
        if (large != null) {
            return large.get(name);
        }
        int index = indexOf(name);
        return index < 0 ? null : slots[index + 1];
    }

    @Override
    public boolean containsKey(Object name) {
        return large != null ? large.containsKey(name) : indexOf(name) >= 0;
    }

    @Override
    public Object put(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (large != null) {
            return large.put(name, value);
        }
        int index = indexOf(name);
        if (index >= 0) {
            Object previous = slots[index + 1];
            slots[index + 1] = value;
            return previous;
        }
        if (size == MOST_SCANNED) {
            HashMap<String, Object> hashed = new HashMap<>(4 * MOST_SCANNED);
            forEach(hashed::put);
            hashed.put(name, value);
            large = hashed;
            slots = null;
            size = 0;
            return null;
        }
        add(name, value);
        return null;
    }

    @Override
    public Object remove(Object name) {
        if (large != null) {
            return large.remove(name);
        }
        int index = indexOf(name);
        if (index < 0) {
            return null;
        }
        Object previous = slots[index + 1];
        int last = 2 * (size - 1);
        slots[index] = slots[last]; // the order of headers means nothing: the last entry fills the gap
        slots[index + 1] = slots[last + 1];
        slots[last] = null;
        slots[last + 1] = null;
        size--;
        return previous;
    }

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        if (large != null) {
            large.forEach(action);
            return;
        }
        for (int i = 0, end = 2 * size; i < end; i += 2) {
            action.accept((String) slots[i], slots[i + 1]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (large != null) {
            return Collections.unmodifiableMap(large).entrySet();
        }
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int index = 2 * next++;
                        return new SimpleImmutableEntry<>((String) slots[index], slots[index + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
