package dev.junction.jaxrs;

import java.util.List;
import java.util.Map;

/**
 * Decides which HTTP headers become message headers of a request, and which reply headers become response headers.
 * {@link DefaultHttpHeaderMapper} is the default; an application may give a gateway its own. Implementations must be
 * thread-safe: one mapper serves every request of its gateway.
 */
public interface HttpHeaderMapper {

    /**
     * @param requestHeaders the request's headers by name (compare names case-insensitively), each with its values
     * @return the message headers to add to the request message; names should start with
     *         {@link HttpMessageHeaders#PREFIX} so they cannot replace Junction's own headers
     */
    Map<String, Object> toMessageHeaders(Map<String, List<String>> requestHeaders);

    /**
     * @param replyHeaders the reply message's headers (those of the request travel with it)
     * @return the response headers by name, each with its values
     */
    Map<String, List<String>> toResponseHeaders(Map<String, Object> replyHeaders);
}
