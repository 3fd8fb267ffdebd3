package dev.junction.impl.store;

import dev.junction.api.store.ValueSerializer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a value as its class name, a line feed and its JSON (JSON-B with field access, so POJOs without getters
 * keep their state). A type is accepted only if JSON-B can read it back: a public record, an enum, or a public class
 * with a public or protected no-argument constructor; collections, maps and arrays are refused because their
 * element types would be lost.
 */
final class JsonbValueSerializer implements ValueSerializer {

    static final JsonbValueSerializer INSTANCE = new JsonbValueSerializer();

    /** Why a type cannot be written, or {@code null} when it can; checked once per type. */
    private static final ClassValue<String> REFUSAL = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return refusal(type);
        }
    };

    /** Created on first use: a missing JSON-B implementation then fails the store operation, not class loading. */
    private volatile Jsonb jsonb;

    private JsonbValueSerializer() {
    }

    @Override
    public byte[] serialize(Object value) {
        Class<?> type = value.getClass();
        String refusal = REFUSAL.get(type);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        String json;
        try {
            json = jsonb().toJson(value);
        } catch (JsonbException failed) {
            throw new IllegalArgumentException("JSON-B cannot write a " + type.getName() + ": " + failed.getMessage(),
                    failed);
        }
        return (type.getName() + '\n' + json).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline < 0) {
            throw new IllegalArgumentException("not written by the JSON-B serializer (no type name)");
        }
        String typeName = text.substring(0, newline);
        try {
            return jsonb().fromJson(text.substring(newline + 1), load(typeName));
        } catch (ClassNotFoundException missing) {
            throw new IllegalArgumentException("the class " + typeName + " is not on the class path", missing);
        } catch (JsonbException failed) {
            throw new IllegalArgumentException("JSON-B cannot read a " + typeName + ": " + failed.getMessage(), failed);
        }
    }

    private static Class<?> load(String typeName) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(typeName, false, context);
            } catch (ClassNotFoundException notThere) {
                // fall through to the loader that loaded the runtime
            }
        }
        return Class.forName(typeName, false, JsonbValueSerializer.class.getClassLoader());
    }

    private Jsonb jsonb() {
        Jsonb current = jsonb;
        if (current == null) {
            synchronized (this) {
                current = jsonb;
                if (current == null) {
                    current = JsonbBuilder.create(new JsonbConfig().withPropertyVisibilityStrategy(FIELDS));
                    jsonb = current;
                }
            }
        }
        return current;
    }

    private static String refusal(Class<?> type) {
        if (type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return "a " + type.getName() + " would come back without its element types; wrap it in a record";
        }
        if (type.isRecord()) {
            // JSON-B creates records through their canonical constructor, which it may call only when public
            return publicCanonicalConstructor(type) ? null : "a " + type.getName() + " is a record JSON-B cannot create "
                    + "when read back: make the record and its canonical constructor public";
        }
        if (type.isEnum() || type.getName().startsWith("java.")) {
            return null;
        }
        if (type.isAnonymousClass() || type.isSynthetic() || (type.isMemberClass()
                && !Modifier.isStatic(type.getModifiers()))) {
            return "a " + type.getName() + " (anonymous, synthetic or inner class) cannot be created when read back";
        }
        // JSON-B creates other classes through a public or protected no-argument constructor of a public class
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            int modifiers = constructor.getModifiers();
            if (constructor.getParameterCount() == 0 && Modifier.isPublic(type.getModifiers())
                    && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))) {
                return null;
            }
        }
        return "a " + type.getName() + " has no public or protected no-argument constructor in a public class, so "
                + "JSON-B cannot read it back; make it a public record or give it such a constructor";
    }

    private static boolean publicCanonicalConstructor(Class<?> record) {
        Class<?>[] components = java.util.Arrays.stream(record.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return Modifier.isPublic(record.getModifiers())
                    && Modifier.isPublic(record.getDeclaredConstructor(components).getModifiers());
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }

    /** Every non-static, non-transient field is a property; getters and setters are not consulted. */
    private static final PropertyVisibilityStrategy FIELDS = new PropertyVisibilityStrategy() {
        @Override
        public boolean isVisible(Field field) {
            return !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers());
        }

        @Override
        public boolean isVisible(Method method) {
            return false;
        }
    };

    @Override
    public String toString() {
        return "JSON-B";
    }
}
