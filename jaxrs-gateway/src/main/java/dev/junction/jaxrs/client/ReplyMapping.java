package dev.junction.jaxrs.client;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.jaxrs.HttpMessageHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

/**
 * Turns a response into the reply message (its body as the expected type, its status and the response headers the
 * patterns let through), or an error status into an {@link HttpStatusException}. Immutable.
 */
final class ReplyMapping {

    private final Class<?> expectedType;
    private final HeaderPatterns mappedHeaders;

    /** @param expectedType {@code String}, {@code byte[]}, a type JSON-B reads, or {@code null} to decide by content type */
    ReplyMapping(Class<?> expectedType, HeaderPatterns mappedHeaders) {
        this.expectedType = expectedType;
        this.mappedHeaders = mappedHeaders;
    }

    /** @throws HttpStatusException for a 4xx or 5xx status */
    Message<?> toReply(Message<?> request, HttpResponse<byte[]> response, String owner) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Charset charset = RequestMapping.charsetOf(contentType);
        if (response.statusCode() >= 400) {
            throw new HttpStatusException(request, response.statusCode(), response.headers().map(), body, charset,
                    owner + ": " + response.request().method() + " " + response.uri() + " was answered "
                            + response.statusCode());
        }
        MessageBuilder<?> reply = MessageBuilder.withPayload(payload(request, body, contentType, charset, owner))
                .setHeader(HttpMessageHeaders.REMOTE_STATUS_CODE, response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty() && mappedHeaders.matches(name)) {
                reply.setHeader(HttpMessageHeaders.remoteHeader(name), values.size() == 1 ? values.get(0)
                        : List.copyOf(values));
            }
        });
        return reply.build();
    }

    private Object payload(Message<?> request, byte[] body, String contentType, Charset charset, String owner) {
        if (body.length == 0) {
            return expectedType == byte[].class ? body : ""; // a message always has a payload
        }
        if (expectedType == byte[].class || expectedType == null && !isText(contentType)) {
            return body;
        }
        String text = new String(body, charset);
        if (expectedType == null || expectedType == String.class) {
            return text;
        }
        try {
            return JsonBodies.fromJson(text, expectedType);
        } catch (RuntimeException | LinkageError unreadable) {
            throw new MessageHandlingException(request, owner + ": the response body (" + contentType + ") could not"
                    + " be read as " + expectedType.getName() + " through JSON-B: " + unreadable, unreadable);
        }
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }
}
