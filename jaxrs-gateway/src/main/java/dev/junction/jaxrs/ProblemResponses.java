package dev.junction.jaxrs;

import jakarta.ws.rs.core.Response;

/**
 * Error answers as problem details ({@code application/problem+json}): type, title, status, a detail meant for the
 * client, the request path as the instance and, once a message exists, its id to find the server's log entry. Never
 * an exception's text or stack trace: those stay in the server's log.
 *
 * <p>Written as text, so an application needs no JSON provider for its errors.
 */
final class ProblemResponses {

    /** The media type of problem details. */
    static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /**
     * @param instance  the request's path, or {@code null}
     * @param messageId the request message's id, or {@code null} when none was built
     */
    static Response.ResponseBuilder problem(int status, String detail, String instance, Object messageId) {
        Response.Status known = Response.Status.fromStatusCode(status);
        StringBuilder json = new StringBuilder(160).append("{\"type\":\"about:blank\",\"title\":");
        quote(json, known == null ? "HTTP " + status : known.getReasonPhrase());
        json.append(",\"status\":").append(status).append(",\"detail\":");
        quote(json, detail);
        if (instance != null) {
            json.append(",\"instance\":");
            quote(json, instance);
        }
        if (messageId != null) {
            json.append(",\"messageId\":");
            quote(json, messageId.toString());
        }
        json.append('}');
        return Response.status(status).type(PROBLEM_JSON).entity(json.toString());
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
