package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.api.error.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultHttpHeaderMapperTest {

    private static final Map<String, List<String>> REQUEST = request();

    private static Map<String, List<String>> request() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("text/plain", "application/json"));
        headers.put("Content-Type", List.of("text/plain"));
        headers.put("If-None-Match", List.of("\"v1\""));
        headers.put("X-Request-Id", List.of("r-1"));
        headers.put("X-Api-Key", List.of("secret"));
        headers.put("X-Listed", List.of("listed in Connection, so hop-by-hop"));
        headers.put("Authorization", List.of("Bearer secret"));
        headers.put("Cookie", List.of("session=secret"));
        headers.put("Connection", List.of("keep-alive, X-Listed"));
        headers.put("Keep-Alive", List.of("timeout=5"));
        headers.put("Transfer-Encoding", List.of("chunked"));
        headers.put("TE", List.of("trailers"));
        headers.put("Trailer", List.of("Expires"));
        headers.put("Upgrade", List.of("h2c"));
        headers.put("Proxy-Authorization", List.of("Basic secret"));
        headers.put("Priority", List.of("u=1"));
        return headers;
    }

    @Test
    void theStandardMapperMapsContentNegotiationAndConditionsOnly() {
        Map<String, Object> mapped = DefaultHttpHeaderMapper.standard().toMessageHeaders(REQUEST);

        assertThat(mapped).containsOnly(
                Map.entry("http_requestHeader_accept", "text/plain, application/json"),
                Map.entry("http_requestHeader_content-type", "text/plain"),
                Map.entry("http_requestHeader_if-none-match", "\"v1\""));
    }

    @Test
    void patternsAddHeadersButNeverHopByHopOnesNorCredentials() {
        Map<String, Object> mapped = DefaultHttpHeaderMapper.builder().withoutDefaultRequestHeaders()
                .requestHeaders("*").build().toMessageHeaders(REQUEST);

        assertThat(mapped).containsOnlyKeys("http_requestHeader_accept", "http_requestHeader_content-type",
                "http_requestHeader_if-none-match", "http_requestHeader_x-request-id", "http_requestHeader_x-api-key",
                "http_requestHeader_priority");
    }

    @Test
    void credentialsAreMappedWhenNamedExactly() {
        Map<String, Object> mapped = DefaultHttpHeaderMapper.builder().withoutDefaultRequestHeaders()
                .requestHeaders("authorization", "X-Request-*").build().toMessageHeaders(REQUEST);

        assertThat(mapped).containsOnly(Map.entry("http_requestHeader_authorization", "Bearer secret"),
                Map.entry("http_requestHeader_x-request-id", "r-1"));
    }

    @Test
    void hopByHopHeadersAndMalformedPatternsCannotBeAskedFor() {
        assertThatThrownBy(() -> DefaultHttpHeaderMapper.builder()
                .requestHeaders("Connection", "Proxy-*", "Transfer-Encoding", "X-*-Id", "").build())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(thrown -> assertThat(((ConfigurationException) thrown).getProblems()).hasSize(5)
                        .allMatch(problem -> problem.startsWith("JNC-0808 ")));
    }

    @Test
    void responseHeadersComeFromTheReplysResponseHeaderEntries() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("http_responseHeader_Location", "/orders/7");
        reply.put("http_responseHeader_Vary", List.of("Accept", "Accept-Language"));
        reply.put("http_responseHeader_Connection", "close");
        reply.put("http_responseHeader_Content-Length", "999");
        reply.put("http_requestHeader_accept", "text/plain");
        reply.put("table", 4);

        assertThat(DefaultHttpHeaderMapper.standard().toResponseHeaders(reply)).containsOnly(
                Map.entry("Location", List.of("/orders/7")), Map.entry("Vary", List.of("Accept", "Accept-Language")));
    }
}
