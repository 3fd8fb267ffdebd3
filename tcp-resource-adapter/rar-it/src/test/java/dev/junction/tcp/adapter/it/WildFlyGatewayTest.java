package dev.junction.tcp.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.tcp.adapter.it.support.Operator;
import dev.junction.tcp.adapter.quotes.QuoteServer;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The adapter's example application, the class its Java SE test runs in Weld, deployed unchanged on a managed WildFly
 * (-Pwildfly) beside the RAR: WildFly makes the connection definition of the class's {@code
 * @ConnectionFactoryDefinition}, and the TCP gateway the class declares takes the server's pooled connections to a
 * server this test runs on 127.0.0.1. The definition's port is the system property {@code quotes.port}, set on the
 * server before the deployment (WildFly's connector replaces {@code ${...}} in the properties).
 */
@EnabledIfSystemProperty(named = "it.container", matches = "wildfly")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyGatewayTest {

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "quotes", managed = false, testable = false)
    static Archive<?> application() {
        return Applications.quotes("java:/eis/junction/tcp/orders");
    }

    @Test
    void theDeclaredGatewayTakesTheServersPooledConnections() throws Exception {
        try (QuoteServer quoteServer = new QuoteServer()) {
            Path properties = Files.createTempFile(Path.of(System.getProperty("it.target")), "junction-tcp",
                    ".properties");
            Files.writeString(properties, "rar.file=" + Operator.rar() + "\ntcp.host=127.0.0.1\ntcp.port="
                    + quoteServer.port() + "\n");
            WildFlyDeploymentTest.cli("--command=/system-property=quotes.port:add(value=" + quoteServer.port() + ")");
            WildFlyDeploymentTest.cli("--resolve-parameter-values", "--file=" + Operator.file("wildfly-deploy.cli"),
                    "--properties=" + properties);
            deployer.deploy("quotes");
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
                deployer.undeploy("quotes");
                WildFlyDeploymentTest.cli("--file=" + Operator.file("wildfly-undeploy.cli"));
                WildFlyDeploymentTest.cli("--command=/system-property=quotes.port:remove");
            }
        }
    }

    private static String get(String path) throws Exception {
        URI root = URI.create("http://127.0.0.1:" + System.getProperty("wildfly.http.port") + "/");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
