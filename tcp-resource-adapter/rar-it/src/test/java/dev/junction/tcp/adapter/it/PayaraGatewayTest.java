package dev.junction.tcp.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.tcp.adapter.it.support.Operator;
import dev.junction.tcp.adapter.quotes.QuoteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/**
 * The adapter's example application deployed unchanged on Payara Server (-Ppayara) beside the RAR, as on WildFly
 * ({@link WildFlyGatewayTest}): Payara makes the connection definition of its {@code @ConnectionFactoryDefinition}
 * and the gateway takes the server's pooled connections to a server this test runs on 127.0.0.1. The definition's
 * port is the server's system property {@code quotes.port}.
 */
@EnabledIfSystemProperty(named = "it.container", matches = "payara")
class PayaraGatewayTest {

    @BeforeAll
    static void startDomain() throws IOException {
        PayaraDeploymentTest.startDomain();
    }

    @AfterAll
    static void stopDomain() {
        PayaraDeploymentTest.stopDomain();
    }

    @Test
    void theDeclaredGatewayTakesTheServersPooledConnections() throws Exception {
        try (QuoteServer quoteServer = new QuoteServer()) {
            PayaraDeploymentTest.remote("create-system-properties", "quotes.port=" + quoteServer.port());
            Path commands = Operator.substituted("payara-deploy.asadmin", Map.of("JUNCTION_RAR",
                    Operator.rar().toString(), "TCP_HOST", "127.0.0.1", "TCP_PORT", String.valueOf(quoteServer.port())));
            PayaraDeploymentTest.remote("multimode", "--file", commands.toString());
            PayaraDeploymentTest.deploy(Applications.quotes("eis/junction/tcp/orders"), "quotes");
            try {
                assertThat(get("quotes/quote?symbol=acme")).isEqualTo("ACME 42.00");
                int connections = quoteServer.accepted(); // the pool's: one, or as many as it fills up front
                for (String symbol : new String[] {"initech", "globex", "umbrella", "hooli"}) {
                    assertThat(get("quotes/quote?symbol=" + symbol)).isEqualTo(symbol.toUpperCase() + " 42.00");
                }
                assertThat(get("quotes/factory")).isEqualTo("connection factory java:app/eis/quotes of the"
                        + " Junction TCP adapter (127.0.0.1:" + quoteServer.port() + ", pooled by the server)");
                // the later exchanges took the pool's connections again: none was made for them
                assertThat(connections).isPositive();
                assertThat(quoteServer.accepted()).isEqualTo(connections);
                assertThat(get("quotes/threads")).as("threads of Java SE's unmanaged mode").isEmpty();
            } finally {
                PayaraDeploymentTest.remote("undeploy", "quotes");
                PayaraDeploymentTest.remote("multimode", "--file",
                        Operator.file("payara-undeploy.asadmin").toString());
                PayaraDeploymentTest.remote("delete-system-property", "quotes.port");
            }
        }
    }

    private static String get(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(PayaraDeploymentTest.httpRoot().resolve(path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
