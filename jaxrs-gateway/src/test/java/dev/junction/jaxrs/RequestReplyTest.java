package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.message.Message;
import dev.junction.api.message.MessageBuilder;
import dev.junction.api.runtime.Junction;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests become messages and replies become responses, over real HTTP. */
class RequestReplyTest {

    private static Junction junction;
    private static HttpTestServer http;

    @BeforeAll
    static void serve() {
        junction = Junction.create();
        junction.flow("echo").handle(new Echo());
        HttpInboundGateways gateways = HttpInboundGateways.create(junction);
        gateways.inboundGateway("echo").path("/orders/{id}").methods("GET", "POST").requestChannel("echo").build();
        junction.start();
        http = HttpTestServer.serve(gateways);
    }

    @AfterAll
    static void stop() {
        http.close();
        junction.close();
    }

    @Test
    void replyIsTheResponse() {
        HttpResponse<String> response = http.get("orders/42?page=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("String:|").contains("http_pathParam_id=42", "http_queryParam_page=2",
                "http_method=GET", "http_requestPath=/orders/42");
    }
}
