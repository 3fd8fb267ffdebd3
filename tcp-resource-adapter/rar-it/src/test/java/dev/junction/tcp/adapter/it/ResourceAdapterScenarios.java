package dev.junction.tcp.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.junction.tcp.adapter.it.support.LineClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the adapter does in a real server, the same on every server: the operator's files deploy the built RAR and
 * define the connection definition; a WAR's message-driven bean answers TCP requests from this test over 127.0.0.1
 * with the WAR's CDI bean; the WAR's servlet talks to the same endpoint through the connection definition;
 * undeploying the WAR and then the adapter closes every connection and leaves no thread running Junction code.
 * Each server's subclass deploys and undeploys with that server's tools.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ResourceAdapterScenarios {

    /** The inbound endpoint's port, also the connection definition's: chosen free, written into the descriptors. */
    static final int PORT = freePort();

    /** Runs the operator's deploy file, then deploys {@link Applications#shout} (and the probe, if not yet). */
    abstract void deployApplication() throws Exception;

    /** Undeploys {@link Applications#shout}, then runs the operator's undeploy file; the probe stays. */
    abstract void undeployApplication() throws Exception;

    /** @return the server's HTTP root, on 127.0.0.1, where {@code shout/} and {@code probe/} are */
    abstract URI http();

    @Test
    @Order(1)
    void theWarsBeanAnswersTcpRequests() throws Exception {
        deployApplication();
        try (LineClient client = new LineClient(PORT)) {
            assertThat(client.exchange("hello")).isEqualTo("HELLO");
            assertThat(client.exchange("again")).isEqualTo("AGAIN");
        }
    }

    @Test
    @Order(2)
    void theWarTalksTcpThroughTheConnectionDefinition() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("shout/relay?text=relayed" + i)).isEqualTo("RELAYED" + i);
        }
    }

    @Test
    @Order(3)
    void undeployingClosesEveryConnectionAndLeavesNoThread() throws Exception {
        LineClient client = new LineClient(PORT);
        assertThat(client.exchange("open")).isEqualTo("OPEN");

        undeployApplication();

        assertThat(client.readLine()).isNull();
        client.close();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), PORT).close())
                .isInstanceOf(ConnectException.class);
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(get("probe/junction-threads")).as("threads running Junction code")
                        .isEmpty());
    }

    private String get(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
