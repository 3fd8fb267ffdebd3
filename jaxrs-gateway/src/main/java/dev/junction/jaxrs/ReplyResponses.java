package dev.junction.jaxrs;

import dev.junction.api.message.Message;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a reply message into the response: the status the reply names ({@link HttpMessageHeaders#STATUS_CODE}) or
 * the default, the headers the mapper lets out, and the payload as the entity, written by the runtime's entity
 * providers. The content type is the one the reply names as a response header, else the one negotiated from the
 * gateway's {@code produces}, else one that fits the payload (text, bytes, JSON).
 */
final class ReplyResponses {

    private static final System.Logger LOG = System.getLogger(ReplyResponses.class.getName());

    private ReplyResponses() {
    }

    /**
     * @param defaultStatus the status when the reply names none
     * @param negotiated    the type negotiated from the gateway's {@code produces}, or {@code null}
     */
    static Response toResponse(Message<?> reply, int defaultStatus, MediaType negotiated, HttpHeaderMapper mapper) {
        int status = status(reply, defaultStatus);
        // the constant spares the runtime a search of its status table for the common case
        Response.ResponseBuilder response = status == 200 ? Response.ok() : Response.status(status);
        Map<String, List<String>> headers = mapper.toResponseHeaders(reply.getHeaders());
        boolean typed = false;
        for (Map.Entry<String, List<String>> header : headers.isEmpty() ? Set.<Map.Entry<String, List<String>>>of()
                : headers.entrySet()) {
            typed |= header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE);
            header.getValue().forEach(value -> response.header(header.getKey(), value));
        }
        if (!carriesBody(status)) {
            return response.build();
        }
        Object entity = reply.getPayload();
        response.entity(entity);
        if (!typed) {
            boolean concrete = negotiated != null && !negotiated.isWildcardType() && !negotiated.isWildcardSubtype();
            response.type(concrete ? negotiated : MediaTypes.defaultFor(entity));
        }
        return response.build();
    }

    private static int status(Message<?> reply, int defaultStatus) {
        Object named = reply.getHeaders().get(HttpMessageHeaders.STATUS_CODE);
        if (named == null) {
            return defaultStatus;
        }
        try {
            int status = named instanceof Number number ? number.intValue()
                    : named instanceof Response.StatusType type ? type.getStatusCode()
                    : Integer.parseInt(named.toString().trim());
            if (status >= 100 && status <= 599) {
                return status;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like any other unusable value
        }
        LOG.log(System.Logger.Level.WARNING, () -> "A reply names the status " + named + ", which is no HTTP status;"
                + " answering " + defaultStatus + " instead: " + reply);
        return defaultStatus;
    }

    /** 1xx, 204 and 304 responses have no body. */
    private static boolean carriesBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }
}
