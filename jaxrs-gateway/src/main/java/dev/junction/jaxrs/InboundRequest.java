package dev.junction.jaxrs;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the generic resource hands to the gateways of one HTTP request, read from the Jakarta REST context only.
 *
 * @param method        the request's method as sent ({@code HEAD} included)
 * @param encodedPath   the path below the application's base path, percent-encoded, starting with '/'
 * @param requestUri    the absolute request URI
 * @param queryParams   the decoded query parameters
 * @param headers       the request headers (names case-insensitive where the runtime provides that)
 * @param contentType   the request's content type, or {@code null} when it sent none
 * @param contentTypeHeader the {@code Content-Type} header as sent, or {@code null}
 * @param contentLength the {@code Content-Length}, or -1 when unknown (chunked, or no body)
 * @param chunked       whether the body comes in chunks, whose size only reading tells
 * @param acceptableTypes the media types the client accepts, most preferred first; parsed only when asked for,
 *                      which only gateways that declare {@code produces} do
 * @param body          the body, read at most up to the gateway's limit
 * @param providers     the runtime's entity providers, to read a body into a declared payload type
 */
record InboundRequest(String method, String encodedPath, URI requestUri, MultivaluedMap<String, String> queryParams,
        MultivaluedMap<String, String> headers, MediaType contentType, String contentTypeHeader, long contentLength,
        boolean chunked, Supplier<List<MediaType>> acceptableTypes, InputStream body, Providers providers) {

    /** @return the media types the client accepts, most preferred first */
    List<MediaType> acceptable() {
        return acceptableTypes.get();
    }

    /** @return whether the request announces a body */
    boolean announcesBody() {
        return contentLength > 0 || chunked;
    }
}
