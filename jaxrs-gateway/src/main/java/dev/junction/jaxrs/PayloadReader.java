package dev.junction.jaxrs;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * Turns a request body into a message payload by its content type:
 * <ul>
 * <li>an empty body: the empty {@code String} (a message always has a payload);</li>
 * <li>a declared payload type: read by the runtime's entity providers for the request's content type (JSON-B
 * for {@code application/json} when the application has it); no provider is 415, a body it cannot read 400;</li>
 * <li>text ({@code text/*}, JSON, XML, form data): a {@code String} in the request's charset, UTF-8 by default;</li>
 * <li>anything else, or no content type: the bytes.</li>
 * </ul>
 */
final class PayloadReader {

    private static final System.Logger LOG = System.getLogger(PayloadReader.class.getName());
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private PayloadReader() {
    }

    /** @param payloadType the declared payload type, or {@code null} */
    static Object read(byte[] body, InboundRequest request, Class<?> payloadType) throws RejectedRequest {
        if (body.length == 0) {
            return "";
        }
        MediaType type = request.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE
                : request.contentType();
        if (payloadType != null) {
            return readEntity(payloadType, type, body, request);
        }
        if (MediaTypes.isText(type)) {
            return new String(body, MediaTypes.charset(type));
        }
        return body;
    }

    private static <T> T readEntity(Class<T> payloadType, MediaType type, byte[] body, InboundRequest request)
            throws RejectedRequest {
        MessageBodyReader<T> reader = request.providers() == null ? null
                : request.providers().getMessageBodyReader(payloadType, payloadType, NO_ANNOTATIONS, type);
        if (reader == null) {
            throw new RejectedRequest(415, "This resource cannot read a body of type " + type);
        }
        MultivaluedMap<String, String> headers = request.headers();
        try {
            return reader.readFrom(payloadType, payloadType, NO_ANNOTATIONS, type, headers,
                    new ByteArrayInputStream(body));
        } catch (IOException | RuntimeException invalid) {
            // providers signal a body that does not fit the type in their own ways (JSON-B: JsonbException)
            LOG.log(System.Logger.Level.DEBUG, () -> "A request body could not be read as " + payloadType.getName(),
                    invalid);
            throw new RejectedRequest(400, "The request body could not be read: it does not match what this"
                    + " resource expects");
        }
    }
}
