package dev.junction.jaxrs.client;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.message.Message;

/**
 * An outbound gateway could not get a connection to the server within its connect timeout: the connection was not
 * established in time, or every connection the gateway allows stayed busy that long. Nothing was sent, so the
 * request may be retried safely, whatever its method.
 */
public class ConnectTimeoutException extends MessageTimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * @param request     the request message
     * @param description what timed out, naming the gateway, the URI and the timeout
     * @param cause       the client's exception, or {@code null}
     */
    public ConnectTimeoutException(Message<?> request, String description, Throwable cause) {
        super(request, description, cause);
    }
}
