package dev.junction.api.store;

/**
 * Turns a payload or a header value into bytes and back, for the stores that write to a database. The bytes
 * must carry whatever the serializer needs to rebuild a value of the same type.
 *
 * <p>The runtime's default writes records and POJOs as JSON (JSON-B) with their type name; Java serialization is
 * available when asked for. A value the serializer cannot handle makes it throw; the store then reports which
 * header or payload type could not be stored.
 */
public interface ValueSerializer {

    /**
     * @param value the value, not {@code null}
     * @return the bytes
     * @throws IllegalArgumentException when this serializer cannot write values of this type
     */
    byte[] serialize(Object value);

    /**
     * @param bytes what {@link #serialize(Object)} produced
     * @return the value
     * @throws IllegalArgumentException when the bytes cannot be read back (a type no longer on the class path)
     */
    Object deserialize(byte[] bytes);
}
