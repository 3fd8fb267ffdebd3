package dev.junction.jaxrs.client;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import dev.junction.api.message.MessageHeaders;
import dev.junction.impl.expression.Expression;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request message into an HTTP request: the URI from the template and its variables' expressions, the
 * method, the headers (expressions first, then the message headers the patterns let through) and the body. Immutable.
 */
final class RequestMapping {

    /** Methods whose requests carry no body, whatever the payload. */
    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final UriTemplate uri;
    private final Map<String, Expression> uriVariables;
    private final String fixedMethod;
    private final Expression methodExpression;
    private final Map<String, Expression> headerExpressions;
    private final HeaderPatterns mappedHeaders;
    private final Duration readTimeout;

    RequestMapping(UriTemplate uri, Map<String, Expression> uriVariables, String fixedMethod,
                   Expression methodExpression, Map<String, Expression> headerExpressions,
                   HeaderPatterns mappedHeaders, Duration readTimeout) {
        this.uri = uri;
        this.uriVariables = Map.copyOf(uriVariables);
        this.fixedMethod = fixedMethod;
        this.methodExpression = methodExpression;
        this.headerExpressions = Map.copyOf(headerExpressions);
        this.mappedHeaders = mappedHeaders;
        this.readTimeout = readTimeout;
    }

    URI uri(Message<?> request) {
        Map<String, Object> values = new HashMap<>(uriVariables.size() * 2);
        uriVariables.forEach((name, expression) -> values.put(name, expression.evaluate(request)));
        return uri.expand(values);
    }

    /** @throws MessageHandlingException when the method expression gives no method */
    String method(Message<?> request, String owner) {
        if (methodExpression == null) {
            return fixedMethod;
        }
        Object value = methodExpression.evaluate(request);
        String method = value == null ? "" : value.toString().strip().toUpperCase(Locale.ROOT);
        if (!method.matches("[A-Z]+")) {
            throw new MessageHandlingException(request, owner + ": the method expression '"
                    + methodExpression.getExpressionText() + "' gave '" + value + "', which is not an HTTP method");
        }
        return method;
    }

    HttpRequest toHttp(Message<?> request, URI target, String method, String owner) {
        HttpRequest.Builder http = HttpRequest.newBuilder(target).timeout(readTimeout);
        request.getHeaders().forEach((name, value) -> {
            if (value != null && mappedHeaders.matches(name)) {
                http.header(name, value.toString());
            }
        });
        headerExpressions.forEach((name, expression) -> {
            Object value = expression.evaluate(request);
            if (value != null) {
                http.setHeader(name, value.toString());
            }
        });
        if (BODILESS.contains(method)) {
            return http.method(method, BodyPublishers.noBody()).build();
        }
        Object payload = request.getPayload();
        Object contentType = request.getHeaders().get(MessageHeaders.CONTENT_TYPE);
        BodyPublisher body;
        String defaultType;
        if (payload instanceof byte[] bytes) {
            body = BodyPublishers.ofByteArray(bytes);
            defaultType = "application/octet-stream";
        } else if (payload instanceof CharSequence text) {
            body = BodyPublishers.ofString(text.toString(), charsetOf(contentType));
            defaultType = "text/plain;charset=UTF-8";
        } else {
            try {
                body = BodyPublishers.ofByteArray(JsonBodies.toJson(payload));
            } catch (RuntimeException | LinkageError noJson) {
                throw new MessageHandlingException(request, owner + ": the payload, a " + payload.getClass().getName()
                        + ", could not be written as JSON through JSON-B (send a String or byte[], or put a JSON-B"
                        + " implementation such as Yasson on the class path): " + noJson, noJson);
            }
            defaultType = "application/json";
        }
        if (!headerExpressions.containsKey("Content-Type")) {
            http.setHeader("Content-Type", contentType != null ? contentType.toString() : defaultType);
        }
        return http.method(method, body).build();
    }

    /** @return the charset a content type names, else UTF-8 */
    static Charset charsetOf(Object contentType) {
        if (contentType != null) {
            for (String parameter : contentType.toString().split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].strip().replace("\"", ""));
                    } catch (IllegalArgumentException unknown) {
                        return StandardCharsets.UTF_8; // a body in an unknown charset is read as UTF-8
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
