package dev.junction.impl.store;

import dev.junction.api.store.ValueSerializer;

/** The serializers the runtime offers for the JDBC stores. */
public final class ValueSerializers {

    private ValueSerializers() {
    }

    /**
     * The default: public records, enums and public POJOs (with a public or protected no-argument constructor) as
     * JSON through JSON-B, fields read directly. Collections, maps and arrays at the top level are refused, since their element types would not
     * survive: wrap them in a record.
     *
     * @return the shared JSON-B serializer
     */
    public static ValueSerializer jsonb() {
        return JsonbValueSerializer.INSTANCE;
    }

    /**
     * Java serialization, for values that are {@link java.io.Serializable} and nothing else; only when asked for,
     * since reading it back trusts the bytes.
     *
     * @return the Java serialization serializer
     */
    public static ValueSerializer javaSerialization() {
        return JavaValueSerializer.INSTANCE;
    }
}
