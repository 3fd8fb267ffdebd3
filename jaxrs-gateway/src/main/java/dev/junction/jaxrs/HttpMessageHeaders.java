package dev.junction.jaxrs;

import java.util.Locale;

/**
 * The message headers HTTP inbound gateways write into request messages and read from replies. Every name starts
 * with {@value #PREFIX}, so HTTP data never collides with Junction's own headers (an HTTP {@code Priority} header
 * is not {@code MessageHeaders.PRIORITY}). Named to stay apart from Jakarta REST's {@code HttpHeaders}.
 *
 * <p>Request messages carry {@link #METHOD}, {@link #REQUEST_URI}, {@link #REQUEST_PATH}, the path parameters
 * ({@link #pathParam(String)}), the query parameters ({@link #queryParam(String)}) and the request headers the
 * gateway's {@link HttpHeaderMapper} lets through ({@link #requestHeader(String)}). A reply may name the response's
 * status ({@link #STATUS_CODE}) and headers ({@link #responseHeader(String)}). The replies of outbound gateways carry
 * the remote server's status ({@link #REMOTE_STATUS_CODE}) and headers ({@link #remoteHeader(String)}).
 */
public final class HttpMessageHeaders {

    /** The prefix of every header an HTTP gateway writes or reads. */
    public static final String PREFIX = "http_";
    /** The request's HTTP method, upper case ({@code "GET"}). */
    public static final String METHOD = PREFIX + "method";
    /** The request's absolute URI, query included, as a {@code String}. */
    public static final String REQUEST_URI = PREFIX + "requestUri";
    /** The request's path below the application's base path, starting with {@code /}, still percent-encoded. */
    public static final String REQUEST_PATH = PREFIX + "requestPath";
    /** The prefix of path parameters: {@code http_pathParam_id} is {@code {id}} of {@code /orders/{id}}, decoded. */
    public static final String PATH_PARAM_PREFIX = PREFIX + "pathParam_";
    /**
     * The prefix of query parameters, decoded: a {@code String}, or a {@code List<String>} when the parameter
     * repeats.
     */
    public static final String QUERY_PARAM_PREFIX = PREFIX + "queryParam_";
    /** The prefix of mapped request headers, followed by the lower-case header name; repeated values joined by ", ". */
    public static final String REQUEST_HEADER_PREFIX = PREFIX + "requestHeader_";
    /** On a reply: the response's status code, an {@code Integer} (or a number as a {@code String}). */
    public static final String STATUS_CODE = PREFIX + "statusCode";
    /**
     * On a reply: the prefix of response headers, followed by the header name; the value is a {@code String}, or a
     * collection for several values.
     */
    public static final String RESPONSE_HEADER_PREFIX = PREFIX + "responseHeader_";

    /** On an outbound gateway's reply: the remote server's response status, an {@code Integer}. */
    public static final String REMOTE_STATUS_CODE = PREFIX + "remoteStatusCode";
    /**
     * On an outbound gateway's reply: the prefix of the remote server's response headers that the gateway maps,
     * followed by the lower-case header name. Apart from {@link #RESPONSE_HEADER_PREFIX}, so that a remote server's
     * headers never become an inbound gateway's response headers unless a flow copies them on purpose.
     */
    public static final String REMOTE_HEADER_PREFIX = PREFIX + "remoteHeader_";

    private HttpMessageHeaders() {
    }

    /** @return the message header of a path parameter, e.g. {@code http_pathParam_id} */
    public static String pathParam(String name) {
        return PATH_PARAM_PREFIX + name;
    }

    /** @return the message header of a query parameter, e.g. {@code http_queryParam_page} */
    public static String queryParam(String name) {
        return QUERY_PARAM_PREFIX + name;
    }

    /** @return the message header of a request header, e.g. {@code http_requestHeader_accept} for {@code Accept} */
    public static String requestHeader(String name) {
        // HTTP header names are case-insensitive; one spelling makes them findable in expressions
        return REQUEST_HEADER_PREFIX + name.toLowerCase(Locale.ROOT);
    }

    /** @return the reply header that sets a response header, e.g. {@code http_responseHeader_Location} */
    public static String responseHeader(String name) {
        return RESPONSE_HEADER_PREFIX + name;
    }

    /** @return the reply header of a remote server's response header, e.g. {@code http_remoteHeader_location} */
    public static String remoteHeader(String name) {
        return REMOTE_HEADER_PREFIX + name.toLowerCase(Locale.ROOT);
    }
}
