package dev.junction.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.api.runtime.Junction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * What Jersey says about the application's components when it starts. Of Junction's two singletons, the filter is
 * taken as a provider without a word; the resource draws one warning from Jersey (3.1) that it "does not implement
 * any provider interfaces" and "will be ignored": Jersey checks a registered <em>instance</em> against its resource
 * <em>classes</em> (not its resource instances) before binding the providers, finds no provider interface, and says
 * so; the instance is bound as a resource all the same, which the request below shows. Nothing else is logged
 * about them, in either form of registration.
 */
class StartupLogTest {

    private static final String PROVIDER_CHECK = "does not implement any provider interfaces";

    @Test
    void jerseyWarnsOnlyOfItsProviderCheckOnTheResourceAndServesIt() throws Exception {
        for (boolean ownApplication : new boolean[] {false, true}) {
            Junction junction = Junction.create();
            HttpInboundGateways gateways = HttpInboundGateways.create(junction);
            junction.flow("echo").handle((String body) -> "echo " + body);
            gateways.inboundGateway("echo").path("/echo").methods("POST").requestChannel("echo").build();
            junction.start();
            ResourceConfig config = ownApplication
                    ? new ResourceConfig().registerInstances(JunctionHttpApplication.singletons())
                            .addProperties(JunctionHttpApplication.properties(gateways))
                    : ResourceConfig.forApplication(new JunctionHttpApplication(gateways));
            List<LogRecord> warnings = new CopyOnWriteArrayList<>();
            Handler recorder = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                        warnings.add(record);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Logger jersey = Logger.getLogger("org.glassfish.jersey");
            jersey.addHandler(recorder);
            HttpServer server;
            try {
                server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"), config,
                        true);
            } finally {
                jersey.removeHandler(recorder);
            }
            try {
                List<String> aboutJunction = warnings.stream().map(record -> String.valueOf(record.getMessage()))
                        .filter(message -> message.contains("dev.junction")).toList();
                assertThat(aboutJunction).as("registered by %s", ownApplication ? "registerInstances" : "Application")
                        .allSatisfy(message -> assertThat(message).contains(HttpInboundResource.class.getName(),
                                PROVIDER_CHECK))
                        .noneMatch(message -> message.contains(CurrentRequest.class.getName()));

                int port = server.getListeners().iterator().next().getPort();
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/echo")).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("latte")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("echo latte");
            } finally {
                server.shutdownNow();
                junction.close();
            }
        }
    }
}
