package dev.junction.jaxrs.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;

/**
 * Objects to and from JSON through JSON-B, for payloads that are neither text nor bytes. Only this class touches
 * JSON-B, so an application that sends only text and bytes needs no JSON-B implementation.
 */
final class JsonBodies {

    /** Made on first use: a {@link Jsonb} is thread-safe and costly to create. */
    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private JsonBodies() {
    }

    static byte[] toJson(Object value) {
        return Holder.JSONB.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    static Object fromJson(String json, Class<?> type) {
        return Holder.JSONB.fromJson(json, type);
    }
}
