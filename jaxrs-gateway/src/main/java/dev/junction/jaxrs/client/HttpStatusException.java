package dev.junction.jaxrs.client;

import dev.junction.api.error.MessageHandlingException;
import dev.junction.api.message.Message;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * The remote server answered an outbound gateway's request with a client or server error status (4xx or 5xx). It
 * carries the request message, the status, the response headers and the body as received, so an error flow can
 * decide by status ({@code payload.cause.statusCode == 404}) or read the server's problem description.
 */
public class HttpStatusException extends MessageHandlingException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final transient Map<String, List<String>> headers;
    private final byte[] body;
    private final transient Charset charset;

    /**
     * @param request    the request message
     * @param statusCode the response's status
     * @param headers    the response's headers
     * @param body       the response's body, empty when there was none
     * @param charset    the body's charset, from its content type or UTF-8
     * @param description what failed, naming the gateway and the URI
     */
    public HttpStatusException(Message<?> request, int statusCode, Map<String, List<String>> headers, byte[] body,
                               Charset charset, String description) {
        super(request, description);
        this.statusCode = statusCode;
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
        this.charset = charset;
    }

    /** @return the response's status code, 400 to 599 */
    public int getStatusCode() {
        return statusCode;
    }

    /** @return whether the server blamed the request (4xx) rather than itself (5xx) */
    public boolean isClientError() {
        return statusCode < 500;
    }

    /** @return the response's headers, names as the client received them (lower case over HTTP/2) */
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    /** @return a copy of the response's body bytes */
    public byte[] getBody() {
        return body.clone();
    }

    /** @return the response's body decoded in its charset */
    public String getBodyAsString() {
        return new String(body, charset);
    }
}
