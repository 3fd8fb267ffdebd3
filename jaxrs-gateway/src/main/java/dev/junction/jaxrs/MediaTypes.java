package dev.junction.jaxrs;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Media-type decisions of a gateway: what it consumes, what it answers with, which bodies are text. */
final class MediaTypes {

    static final MediaType TEXT_UTF8 = MediaType.TEXT_PLAIN_TYPE.withCharset(StandardCharsets.UTF_8.name());

    private MediaTypes() {
    }

    /** @return whether one of the declared types (wildcards allowed) takes the request's type */
    static boolean accepts(List<MediaType> declared, MediaType requestType) {
        for (MediaType type : declared) { // a loop, not a stream: this runs for every request
            if (type.isCompatible(requestType)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Picks the response's type among the declared ones: the first the client accepts, in the client's order of
     * preference.
     *
     * @param acceptable the client's acceptable types, most preferred first (all types when it sent no Accept)
     * @return the type to answer with; empty when the client accepts none of the declared types
     */
    static Optional<MediaType> negotiate(List<MediaType> declared, List<MediaType> acceptable) {
        List<MediaType> wanted = acceptable.isEmpty() ? List.of(MediaType.WILDCARD_TYPE) : acceptable;
        for (MediaType accept : wanted) {
            if ("0".equals(accept.getParameters().get("q"))) {
                continue; // q=0: explicitly not acceptable
            }
            for (MediaType produced : declared) {
                if (produced.isCompatible(accept)) {
                    return Optional.of(produced.isWildcardType() || produced.isWildcardSubtype() ? accept : produced);
                }
            }
        }
        return Optional.empty();
    }

    /** @return whether a body of this type is text: {@code text/*}, JSON, XML and form data */
    static boolean isText(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        if (type.getType().equalsIgnoreCase("text")) {
            return true;
        }
        return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json")
                || subtype.equals("xml") || subtype.endsWith("+xml") || subtype.equals("x-www-form-urlencoded"));
    }

    /**
     * @return the charset the type names, UTF-8 when it names none
     * @throws RejectedRequest 415 when the charset is unknown to this JVM
     */
    static Charset charset(MediaType type) throws RejectedRequest {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new RejectedRequest(415, "The charset '" + name + "' is not supported");
        }
    }

    /** @return the type to write an entity with when the gateway declares none and the reply names none */
    static MediaType defaultFor(Object entity) {
        if (entity instanceof CharSequence) {
            return TEXT_UTF8;
        }
        if (entity instanceof byte[] || entity instanceof java.io.InputStream) {
            return MediaType.APPLICATION_OCTET_STREAM_TYPE;
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }
}
