package dev.junction.jaxrs;

import dev.junction.api.message.MessageBuilder;
import dev.junction.api.message.MessageHeaders;
import java.util.List;
import java.util.Map;

/**
 * Builds the request message of an HTTP request: the payload, the headers the mapper lets through, then the
 * gateway's own {@link HttpMessageHeaders} (method, URI, path, path and query parameters), which win over anything
 * a mapper produced under the same names.
 */
final class RequestMessages {

    private RequestMessages() {
    }

    static MessageBuilder<Object> build(Object payload, InboundRequest request, Map<String, String> pathParams,
            HttpHeaderMapper mapper) {
        MessageBuilder<Object> message = MessageBuilder.withPayload(payload);
        message.copyHeaders(mapper.toMessageHeaders(request.headers()));
        message.setHeader(HttpMessageHeaders.METHOD, request.method());
        message.setHeader(HttpMessageHeaders.REQUEST_URI, request.requestUri().toString());
        message.setHeader(HttpMessageHeaders.REQUEST_PATH, request.encodedPath());
        pathParams.forEach((name, value) -> message.setHeader(HttpMessageHeaders.pathParam(name), value));
        request.queryParams().forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                message.setHeader(HttpMessageHeaders.queryParam(name),
                        values.size() == 1 ? values.get(0) : List.copyOf(values));
            }
        });
        if (request.contentType() != null) {
            message.setHeader(MessageHeaders.CONTENT_TYPE, contentType(request));
        }
        return message;
    }

    /**
     * @return the content type in its normal form: a plain {@code type/subtype} as sent, since formatting a
     * {@code MediaType} goes through the runtime's header delegate on every request; with parameters, formatted
     */
    private static String contentType(InboundRequest request) {
        String sent = request.contentTypeHeader();
        if (sent != null && sent.indexOf(';') < 0 && sent.indexOf(' ') < 0) {
            return sent;
        }
        return request.contentType().toString();
    }
}
