package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.runtime.Junction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What is refused before a message is sent: unknown paths and methods, media types, bodies over the limit. */
class RequestLimitsTest {

    private static final int LIMIT = 1000;

    private static Junction junction;
    private static HttpTestServer http;

    @BeforeAll
    static void serve() {
        junction = Junction.create();
        junction.flow("echo").handle(new Echo());
        HttpInboundGateways gateways = HttpInboundGateways.create(junction);
        gateways.inboundGateway("json").path("/json").methods("POST").consumes("application/json", "text/*")
                .produces("application/json").requestChannel("echo").build();
        gateways.inboundGateway("small").path("/small").methods("POST", "PUT").maxBodySize(LIMIT)
                .requestChannel("echo").build();
        junction.start();
        http = HttpTestServer.serve(gateways);
    }

    @AfterAll
    static void stop() {
        http.close();
        junction.close();
    }

    @Test
    void aPathNoGatewayServesIsNotFound() {
        HttpResponse<String> response = http.get("nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404", "\"instance\":\"/nowhere\"");
    }

    @Test
    void aMethodNoGatewayServesOnThePathIsNotAllowed() {
        HttpResponse<String> response = http.get("small");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(String.join(",", response.headers().allValues("Allow"))).contains("POST", "PUT", "OPTIONS")
                .doesNotContain("GET");
    }

    @Test
    void aContentTypeTheGatewayDoesNotConsumeIsUnsupported() {
        HttpResponse<String> response = http.post("json", "application/xml", "<order/>");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"status\":415");
        assertThat(http.post("json", "text/csv", "a,b").statusCode()).isEqualTo(200); // text/* takes it
    }

    @Test
    void anAcceptTheGatewayCannotProduceIsNotAcceptable() {
        HttpResponse<String> response = http.send(http.request("json").header("Content-Type", "application/json")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(406);
    }

    @Test
    void aBodyUpToTheLimitIsTaken() {
        HttpResponse<String> response = http.send(http.request("small").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        HttpResponse<String> response = http.send(http.request("small").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"status\":413", "larger than the 1000 bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIsTooLarge() {
        HttpResponse<String> response = http.send(http.request("small").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LIMIT * 3]))));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyUpToTheLimitIsTaken() {
        HttpResponse<String> response = http.send(http.request("small").header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LIMIT]))));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        try (RawHttp client = new RawHttp(http.port())) {
            // ten megabytes announced, not one byte sent: only the header can have decided
            String head = client.write("POST /api/small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 10485760\r\n\r\n").readHead();

            assertThat(head).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimitWithoutWaitingForItsEnd() throws IOException {
        try (RawHttp client = new RawHttp(http.port())) {
            client.write("POST /api/small HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            // one chunk past the limit, and then nothing: the body never ends
            String head = client.write(Integer.toHexString(LIMIT + 10) + "\r\n").write(new byte[LIMIT + 10])
                    .write("\r\n").readHead();

            assertThat(head).startsWith("HTTP/1.1 413");
        }
    }
}
