package dev.junction.jaxrs.client;

import dev.junction.api.error.MessageTimeoutException;
import dev.junction.api.message.Message;

/**
 * An outbound gateway's request was sent (or was being sent) but the complete response did not arrive within the
 * read timeout. The server may have acted on the request: retry only requests that are safe to repeat.
 */
public class ReadTimeoutException extends MessageTimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * @param request     the request message
     * @param description what timed out, naming the gateway, the URI and the timeout
     * @param cause       the client's exception, or {@code null}
     */
    public ReadTimeoutException(Message<?> request, String description, Throwable cause) {
        super(request, description, cause);
    }
}
