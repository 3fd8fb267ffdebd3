package dev.junction.jaxrs;

import dev.junction.api.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The default header mapping: a safe set of request headers in, the reply's chosen headers out.
 *
 * <p><b>Request headers</b> named by {@link #DEFAULT_REQUEST_HEADERS} become message headers
 * {@code http_requestHeader_<lower-case name>} ({@link HttpMessageHeaders#requestHeader(String)}), repeated values
 * joined by {@code ", "}. More may be added by name or by a prefix pattern ({@code "X-Tenant-*"}, or {@code "*"}):
 * custom {@code X-} headers are not mapped by default because they often carry credentials ({@code X-Api-Key}) or
 * values a proxy set. Hop-by-hop headers ({@code Connection}, {@code Keep-Alive}, {@code Transfer-Encoding},
 * {@code TE}, {@code Trailer}, {@code Upgrade}, {@code Proxy-*} and those the request's {@code Connection} header
 * lists) are never mapped; naming one is a configuration error. {@code Authorization} and {@code Cookie} are mapped
 * only when named exactly, never through a pattern.
 *
 * <p><b>Response headers</b> come from the reply's {@code http_responseHeader_<name>} headers
 * ({@link HttpMessageHeaders#responseHeader(String)}), a value or a collection of values each; hop-by-hop headers and
 * {@code Content-Length} (the server computes it) are left out.
 *
 * <p>Immutable and thread-safe.
 */
public final class DefaultHttpHeaderMapper implements HttpHeaderMapper {

    /** The request headers mapped by default: content negotiation and conditional requests. */
    public static final List<String> DEFAULT_REQUEST_HEADERS = List.of("Accept", "Accept-Language", "Content-Type",
            "Content-Language", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since");

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade");
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie");
    private static final DefaultHttpHeaderMapper STANDARD = builder().build();

    /** Lower-case exact names. */
    private final Set<String> names;
    /** Lower-case prefixes of the {@code *} patterns; the empty prefix is {@code "*"}. */
    private final List<String> prefixes;

    private DefaultHttpHeaderMapper(Set<String> names, List<String> prefixes) {
        this.names = Set.copyOf(names);
        this.prefixes = List.copyOf(prefixes);
    }

    /** @return the mapper of {@link #DEFAULT_REQUEST_HEADERS} */
    public static DefaultHttpHeaderMapper standard() {
        return STANDARD;
    }

    /** @return a builder starting from {@link #DEFAULT_REQUEST_HEADERS} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One pass over the request's headers, with no set made for a request without {@code Connection} (most of them):
     * the headers that {@code Connection} names are taken out at the end.
     */
    @Override
    public Map<String, Object> toMessageHeaders(Map<String, List<String>> requestHeaders) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        List<String> connection = null;
        for (Map.Entry<String, List<String>> header : requestHeaders.entrySet()) {
            List<String> values = header.getValue();
            if (values == null || values.isEmpty()) {
                continue;
            }
            String lower = header.getKey().toLowerCase(Locale.ROOT); // the same string when already lower case
            if (lower.equals("connection")) {
                connection = connection == null ? new ArrayList<>(values) : concat(connection, values);
            } else if (maps(lower)) {
                mapped.put(HttpMessageHeaders.REQUEST_HEADER_PREFIX + lower,
                        values.size() == 1 ? values.get(0) : String.join(", ", values));
            }
        }
        if (connection != null) {
            for (String option : connectionOptions(connection)) {
                mapped.remove(HttpMessageHeaders.REQUEST_HEADER_PREFIX + option);
            }
        }
        return mapped;
    }

    private static List<String> concat(List<String> first, List<String> more) {
        first.addAll(more);
        return first;
    }

    private boolean maps(String lowerName) {
        if (names.contains(lowerName)) {
            return true; // the builder refuses hop-by-hop names
        }
        if (prefixes.isEmpty() || isHopByHop(lowerName) || CREDENTIALS.contains(lowerName)) {
            return false; // only an exact name lets credentials through, never a pattern
        }
        for (String prefix : prefixes) { // a loop, not a stream: this runs for every header of every request
            if (lowerName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The headers a request's {@code Connection} header declares hop-by-hop as well, lower case. */
    private static Set<String> connectionOptions(List<String> connectionValues) {
        Set<String> options = new TreeSet<>();
        for (String value : connectionValues) {
            for (String option : value.split(",")) {
                String lower = option.trim().toLowerCase(Locale.ROOT);
                if (!lower.isEmpty()) {
                    options.add(lower);
                }
            }
        }
        return options;
    }

    /**
     * Iterates with {@code forEach}, which message headers serve without building a map, and makes the result only
     * when the reply names a response header: most replies name none.
     */
    @Override
    public Map<String, List<String>> toResponseHeaders(Map<String, Object> replyHeaders) {
        List<Map<String, List<String>>> made = new ArrayList<>(1); // the result, once there is one
        replyHeaders.forEach((key, value) -> {
            if (!key.startsWith(HttpMessageHeaders.RESPONSE_HEADER_PREFIX) || value == null) {
                return;
            }
            String name = key.substring(HttpMessageHeaders.RESPONSE_HEADER_PREFIX.length());
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.isEmpty() || isHopByHop(lower) || lower.equals("content-length")) {
                return;
            }
            if (made.isEmpty()) {
                made.add(new LinkedHashMap<>());
            }
            made.get(0).put(name, values(value));
        });
        return made.isEmpty() ? Map.of() : made.get(0);
    }

    private static List<String> values(Object value) {
        if (value instanceof Collection<?> several) {
            List<String> values = new ArrayList<>(several.size());
            several.forEach(one -> values.add(String.valueOf(one)));
            return values;
        }
        if (value instanceof Object[] several) {
            return Arrays.stream(several).map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }

    static boolean isHopByHop(String lowerName) {
        return HOP_BY_HOP.contains(lowerName) || lowerName.startsWith("proxy-");
    }

    @Override
    public String toString() {
        return "DefaultHttpHeaderMapper[names=" + new TreeSet<>(names) + ", prefixes=" + prefixes + "]";
    }

    /** Which request headers to map. Not thread-safe. */
    public static final class Builder {

        private final List<String> patterns = new ArrayList<>(DEFAULT_REQUEST_HEADERS);

        private Builder() {
        }

        /** Maps these request headers too: names, or prefixes ending in {@code *} ({@code "X-Tenant-*"}, "*"). */
        public Builder requestHeaders(String... namesOrPatterns) {
            for (String pattern : namesOrPatterns) {
                patterns.add(Objects.requireNonNull(pattern, "a header name or pattern"));
            }
            return this;
        }

        /** Maps none of {@link #DEFAULT_REQUEST_HEADERS} unless {@link #requestHeaders} names them again. */
        public Builder withoutDefaultRequestHeaders() {
            patterns.removeAll(DEFAULT_REQUEST_HEADERS);
            return this;
        }

        /**
         * @throws ConfigurationException ({@code JNC-0808}) listing every empty, malformed or hop-by-hop pattern
         */
        public DefaultHttpHeaderMapper build() {
            Set<String> names = new TreeSet<>();
            List<String> prefixes = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (String pattern : patterns) {
                String lower = pattern.trim().toLowerCase(Locale.ROOT);
                int star = lower.indexOf('*');
                if (lower.isEmpty() || (star >= 0 && star != lower.length() - 1)) {
                    problems.add(HttpRule.INVALID_HEADER_PATTERN.problem("the header pattern '" + pattern
                            + "' is not a header name or a prefix ending in '*'"));
                } else if (isHopByHop(star < 0 ? lower : lower.substring(0, star))) {
                    // a wider pattern ("P*") may stay: hop-by-hop headers are filtered out when requests are mapped
                    problems.add(HttpRule.INVALID_HEADER_PATTERN.problem("the header pattern '" + pattern
                            + "' names a hop-by-hop header, which belongs to one connection and is never mapped"));
                } else if (star < 0) {
                    names.add(lower);
                } else {
                    prefixes.add(lower.substring(0, star));
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new DefaultHttpHeaderMapper(names, prefixes);
        }
    }
}
