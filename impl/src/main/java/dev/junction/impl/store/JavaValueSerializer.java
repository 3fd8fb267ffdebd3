package dev.junction.impl.store;

import dev.junction.api.store.ValueSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/** Java serialization of {@link Serializable} values. */
final class JavaValueSerializer implements ValueSerializer {

    static final JavaValueSerializer INSTANCE = new JavaValueSerializer();

    private JavaValueSerializer() {
    }

    @Override
    public byte[] serialize(Object value) {
        if (!(value instanceof Serializable)) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not java.io.Serializable");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException failed) {
            throw new IllegalArgumentException("Java serialization of a " + value.getClass().getName() + " failed: "
                    + failed, failed);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException failed) {
            throw new IllegalArgumentException("Java deserialization failed: " + failed, failed);
        }
    }

    @Override
    public String toString() {
        return "Java serialization";
    }
}
